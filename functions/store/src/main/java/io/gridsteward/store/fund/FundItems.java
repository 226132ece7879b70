package io.gridsteward.store.fund;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.AccountPlace;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimEvent;
import io.gridsteward.domain.fund.ClaimEventType;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.domain.fund.ClaimLifecycle;
import io.gridsteward.domain.fund.ClaimStatus;
import io.gridsteward.domain.fund.DelegatedTask;
import io.gridsteward.domain.fund.DelegatedTaskId;
import io.gridsteward.domain.fund.FiscalYear;
import io.gridsteward.domain.fund.FundKind;
import io.gridsteward.domain.fund.LedgerEntry;
import io.gridsteward.domain.fund.LedgerEntryType;
import io.gridsteward.domain.fund.Movement;
import io.gridsteward.domain.fund.Purpose;
import io.gridsteward.domain.fund.ReceiptKey;
import io.gridsteward.domain.fund.ServedWork;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.TableIndex;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * FundAccount, FundLedgerEntry, FundClaim and FundClaimEvent items, attribute by attribute as docs/contracts.md lists
 * them. Amounts are whole fen in number attributes. Entries and events carry their account's place (kind, year,
 * holder, community, town, task, department) so the lake reads them without a lookup; none carries personal data.
 */
final class FundItems {

    static final String ACCOUNT_ENTITY = "FundAccount";
    static final String LEDGER_ENTITY = "FundLedgerEntry";
    static final String CLAIM_ENTITY = "FundClaim";
    static final String CLAIM_EVENT_ENTITY = "FundClaimEvent";

    private FundItems() {}

    static Map<String, AttributeValue> item(Account account) {
        Attributes.Builder builder = Attributes.builder(ACCOUNT_ENTITY, FundKeys.account(account.id()));
        place(builder, account.place())
                .number("fundedFen", account.funded().fen())
                .number("reservedFen", account.reserved().fen())
                .number("paidFen", account.paid().fen())
                .number("availableFen", account.available().fen())
                .string(TableIndex.WORK.partitionAttribute(), FundKeys.accountsOf(account.holder()))
                .string(
                        TableIndex.WORK.sortAttribute(),
                        account.fiscalYear().value() + "#" + account.kind().name() + "#"
                                + account.id().value());
        account.delegatedTask()
                .ifPresent(task -> builder.string("taskCode", task.taskCode())
                        .number("taskFundingFen", task.funding().fen())
                        .instant("delegatedAt", task.delegatedAt()));
        return builder.build();
    }

    static Account account(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        AccountPlace place = place(attributes);
        Optional<DelegatedTask> task = place.task()
                .map(id -> new DelegatedTask(
                        id,
                        attributes.string("taskCode"),
                        place.department().orElseThrow(),
                        place.community().orElseThrow(),
                        place.town().orElseThrow(),
                        place.fiscalYear(),
                        Money.ofFen(attributes.longNumber("taskFundingFen")),
                        attributes.instant("delegatedAt")));
        return new Account(
                place.id(),
                place.kind(),
                place.fiscalYear(),
                place.holder(),
                place.community(),
                place.town(),
                task,
                Money.ofFen(attributes.longNumber("fundedFen")),
                Money.ofFen(attributes.longNumber("reservedFen")),
                Money.ofFen(attributes.longNumber("paidFen")));
    }

    static Map<String, AttributeValue> item(LedgerEntry entry) {
        Attributes.Builder builder = Attributes.builder(
                        LEDGER_ENTITY, FundKeys.ledgerEntry(entry.account().id(), entry.id()))
                .string("entryId", entry.id())
                .string("entryType", entry.type().name())
                .instant("at", entry.at())
                .optionalString("claimId", entry.claim().map(ClaimId::value))
                .optionalString("counterpartAccountId", entry.counterpart().map(AccountId::value))
                .optionalString("reason", entry.reason());
        place(builder, entry.account());
        movement(builder, entry.movement());
        actor(builder, entry.actor());
        return builder.build();
    }

    static LedgerEntry entry(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new LedgerEntry(
                attributes.string("entryId"),
                place(attributes),
                LedgerEntryType.valueOf(attributes.string("entryType")),
                movement(attributes),
                attributes.instant("at"),
                actor(attributes),
                attributes.optionalString("claimId").map(ClaimId::new),
                attributes.optionalString("counterpartAccountId").map(AccountId::new),
                attributes.optionalString("reason"));
    }

    static Map<String, AttributeValue> item(Claim claim) {
        Attributes.Builder builder = Attributes.builder(CLAIM_ENTITY, FundKeys.claim(claim.id()))
                .string("claimId", claim.id().value())
                .string("claimantId", claim.claimantId())
                .string("claimantRole", claim.claimantRole().name())
                .string("purpose", claim.purpose().code())
                .string("servedKind", claim.served().kind().name())
                .string("servedId", claim.served().reference())
                .strings(
                        "receiptKeys",
                        claim.receipts().stream().map(ReceiptKey::value).toList())
                .number("claimedFen", claim.claimed().fen())
                .number("amountFen", claim.amount().fen())
                .number("refundedFen", claim.refunded().fen())
                .string("status", claim.status().name())
                .number("version", claim.version())
                .instant("submittedAt", claim.submittedAt())
                .instant("updatedAt", claim.updatedAt())
                .instant("expiresAt", claim.expiresAt())
                .string("rulesVersion", claim.rulesVersion())
                .string(TableIndex.WORK.partitionAttribute(), FundKeys.claimsOn(claim.accountId()))
                .string(
                        TableIndex.WORK.sortAttribute(),
                        Attributes.format(claim.submittedAt()) + "#"
                                + claim.id().value());
        if (claim.status() == ClaimStatus.PUBLISHED) {
            builder.string(TableIndex.REPORTER.partitionAttribute(), FundKeys.publishedIn(claim.community()))
                    .string(
                            TableIndex.REPORTER.sortAttribute(),
                            Attributes.format(claim.updatedAt()) + "#"
                                    + claim.id().value());
        }
        // Only while the claim may still expire: the index stays as small as the claims the expiry job has to watch.
        if (ClaimLifecycle.allows(claim.status(), ClaimEventType.EXPIRED)) {
            builder.string(TableIndex.DUE.partitionAttribute(), FundKeys.claimsExpiringOn(claim.expiresAt()))
                    .string(
                            TableIndex.DUE.sortAttribute(),
                            Attributes.format(claim.expiresAt()) + "#"
                                    + claim.id().value());
        }
        place(builder, claim.place());
        return builder.build();
    }

    static Claim claim(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        AccountPlace place = place(attributes);
        return new Claim(
                new ClaimId(attributes.string("claimId")),
                place.id(),
                place.kind(),
                place.fiscalYear(),
                place.holder(),
                place.community().orElseThrow(),
                place.town().orElseThrow(),
                place.department(),
                attributes.string("claimantId"),
                Role.valueOf(attributes.string("claimantRole")),
                new Purpose(attributes.string("purpose")),
                new ServedWork(ServedWork.Kind.valueOf(attributes.string("servedKind")), attributes.string("servedId")),
                attributes.strings("receiptKeys").stream().map(ReceiptKey::new).toList(),
                Money.ofFen(attributes.longNumber("claimedFen")),
                Money.ofFen(attributes.longNumber("amountFen")),
                Money.ofFen(attributes.longNumber("refundedFen")),
                ClaimStatus.valueOf(attributes.string("status")),
                attributes.longNumber("version"),
                attributes.instant("submittedAt"),
                attributes.instant("updatedAt"),
                attributes.instant("expiresAt"),
                attributes.string("rulesVersion"));
    }

    /** The event item copies its claim's place and purpose, for the lake. */
    static Map<String, AttributeValue> item(ClaimEvent event, Claim claim) {
        Attributes.Builder builder = Attributes.builder(
                        CLAIM_EVENT_ENTITY, FundKeys.claimEvent(event.claimId(), event.sequence()))
                .string("eventId", event.id())
                .string("claimId", event.claimId().value())
                .number("sequence", event.sequence())
                .string("eventType", event.type().name())
                .optionalString("fromStatus", event.from().map(ClaimStatus::name))
                .string("toStatus", event.to().name())
                .instant("at", event.at())
                .optionalString("reason", event.reason())
                .number("amountFen", event.amount().fen())
                .string("purpose", claim.purpose().code())
                .string("servedKind", claim.served().kind().name())
                .string("servedId", claim.served().reference())
                .instant("submittedAt", claim.submittedAt());
        place(builder, claim.place());
        movement(builder, event.movement());
        actor(builder, event.actor());
        return builder.build();
    }

    static ClaimEvent event(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new ClaimEvent(
                attributes.string("eventId"),
                new ClaimId(attributes.string("claimId")),
                attributes.longNumber("sequence"),
                ClaimEventType.valueOf(attributes.string("eventType")),
                attributes.optionalString("fromStatus").map(ClaimStatus::valueOf),
                ClaimStatus.valueOf(attributes.string("toStatus")),
                attributes.instant("at"),
                actor(attributes),
                attributes.optionalString("reason"),
                Money.ofFen(attributes.longNumber("amountFen")),
                movement(attributes));
    }

    private static Attributes.Builder place(Attributes.Builder builder, AccountPlace place) {
        return builder.string("accountId", place.id().value())
                .string("fundKind", place.kind().name())
                .number("fiscalYear", place.fiscalYear().value())
                .string("holderId", place.holder().value())
                .optionalString("communityId", place.community().map(OrganisationId::value))
                .optionalString("townId", place.town().map(OrganisationId::value))
                .optionalString("gridId", place.grid().map(OrganisationId::value))
                .optionalString("taskId", place.task().map(DelegatedTaskId::value))
                .optionalString("departmentId", place.department().map(OrganisationId::value));
    }

    private static AccountPlace place(Attributes attributes) {
        return new AccountPlace(
                new AccountId(attributes.string("accountId")),
                FundKind.valueOf(attributes.string("fundKind")),
                new FiscalYear((int) attributes.longNumber("fiscalYear")),
                new OrganisationId(attributes.string("holderId")),
                attributes.optionalString("communityId").map(OrganisationId::new),
                attributes.optionalString("townId").map(OrganisationId::new),
                attributes.optionalString("taskId").map(DelegatedTaskId::new),
                attributes.optionalString("departmentId").map(OrganisationId::new));
    }

    private static void movement(Attributes.Builder builder, Movement movement) {
        builder.number("fundedChangeFen", movement.funded().fen())
                .number("reservedChangeFen", movement.reserved().fen())
                .number("paidChangeFen", movement.paid().fen());
    }

    private static Movement movement(Attributes attributes) {
        return new Movement(
                Money.ofFen(attributes.longNumber("fundedChangeFen")),
                Money.ofFen(attributes.longNumber("reservedChangeFen")),
                Money.ofFen(attributes.longNumber("paidChangeFen")));
    }

    private static void actor(Attributes.Builder builder, Caller actor) {
        builder.string("actorId", actor.userId())
                .string("actorRole", actor.role().name())
                .optionalString("actorOrgId", actor.organisationId().map(OrganisationId::value));
    }

    private static Caller actor(Attributes attributes) {
        return new Caller(
                attributes.string("actorId"),
                Role.valueOf(attributes.string("actorRole")),
                attributes.optionalString("actorOrgId").map(OrganisationId::new));
    }
}
