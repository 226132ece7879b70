package io.gridsteward.store.fund;

import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.ClaimEvent;
import io.gridsteward.domain.fund.ClaimEventType;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.domain.fund.LedgerEntry;
import io.gridsteward.domain.fund.LedgerEntryType;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.TableDefinition;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The record of an Idempotency-Key's first use: on a claim, the claim and the step (SUBMITTED for a submission), the
 * event sequence it wrote and the request's hash; on an account, the account the money moved from or to and the first
 * ledger entry's type (ALLOCATED, TRANSFERRED_OUT, CARRIED_OVER_OUT). Lives {@link FundStore#IDEMPOTENCY_WINDOW}; the
 * table's TTL removes it.
 */
final class FundIdempotencyItems {

    static final String ENTITY = "FundIdempotency";

    private FundIdempotencyItems() {}

    static Map<String, AttributeValue> item(IdempotencyClaim claim, ClaimEvent event, Instant now) {
        return withTimeToLive(
                Attributes.builder(ENTITY, FundKeys.idempotency(claim))
                        .string("callerId", claim.callerId())
                        .string("idempotencyKey", claim.key())
                        .string("requestHash", claim.requestHash())
                        .string("claimId", event.claimId().value())
                        .string("step", event.type().name())
                        .number("sequence", event.sequence())
                        .instant("createdAt", now)
                        .build(),
                now);
    }

    /** The record of a movement between accounts, named by its first ledger entry. */
    static Map<String, AttributeValue> item(IdempotencyClaim claim, LedgerEntry first, Instant now) {
        return withTimeToLive(
                Attributes.builder(ENTITY, FundKeys.idempotency(claim))
                        .string("callerId", claim.callerId())
                        .string("idempotencyKey", claim.key())
                        .string("requestHash", claim.requestHash())
                        .string("accountId", first.account().id().value())
                        .string("movement", first.type().name())
                        .string("entryId", first.id())
                        .instant("createdAt", now)
                        .build(),
                now);
    }

    private static Map<String, AttributeValue> withTimeToLive(Map<String, AttributeValue> record, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(record);
        item.put(
                TableDefinition.TIME_TO_LIVE_ATTRIBUTE,
                AttributeValue.fromN(
                        Long.toString(now.plus(FundStore.IDEMPOTENCY_WINDOW).getEpochSecond())));
        return Map.copyOf(item);
    }

    /** What the key was first used for; empty when the record expired but is not yet swept. */
    static Optional<FirstUse> firstUse(Map<String, AttributeValue> item, Instant now) {
        Attributes record = Attributes.of(item);
        if (record.longNumber(TableDefinition.TIME_TO_LIVE_ATTRIBUTE) < now.getEpochSecond()) {
            return Optional.empty();
        }
        Optional<String> movement = record.optionalString("movement");
        if (movement.isPresent()) {
            return Optional.of(new MovementUse(
                    new AccountId(record.string("accountId")),
                    LedgerEntryType.valueOf(movement.get()),
                    record.string("requestHash")));
        }
        return Optional.of(new ClaimUse(
                new ClaimId(record.string("claimId")),
                ClaimEventType.valueOf(record.string("step")),
                record.string("requestHash")));
    }

    /** A key's first use: on a claim or on an account. */
    sealed interface FirstUse permits ClaimUse, MovementUse {}

    /** A submission ({@code step} SUBMITTED, any claim: the retry does not know the id) or a step on one claim. */
    record ClaimUse(ClaimId claimId, ClaimEventType step, String requestHash) implements FirstUse {

        boolean isSubmission(IdempotencyClaim claim) {
            return step == ClaimEventType.SUBMITTED && requestHash.equals(claim.requestHash());
        }

        boolean isStep(IdempotencyClaim claim, ClaimId claimId, ClaimEventType type) {
            return step == type && this.claimId.equals(claimId) && requestHash.equals(claim.requestHash());
        }
    }

    /** An allocation, transfer or carry-over from (or to) one account. */
    record MovementUse(AccountId accountId, LedgerEntryType movement, String requestHash) implements FirstUse {

        boolean isMovement(IdempotencyClaim claim, AccountId accountId, LedgerEntryType type) {
            return movement == type && this.accountId.equals(accountId) && requestHash.equals(claim.requestHash());
        }
    }
}
