package io.gridsteward.store.fund;

import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.Keys;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The fund context's keys (listed with every other key in the store README): an account's partition holds the account
 * item and its ledger entries, a claim's partition the claim item and its events. The fund's Idempotency-Key records
 * share the caller's key partition but have a sort key of their own, so a key used for a ticket and a claim never
 * reads the other's record.
 */
final class FundKeys {

    static final String ACCOUNT_SORT = "ACCOUNT";
    static final String LEDGER_SORT_PREFIX = "LEDGER#";
    static final String CLAIM_SORT = "CLAIM";
    /** How every claim's table partition starts. */
    static final String CLAIM_PREFIX = "FUNDCLAIM#";

    static final String IDEMPOTENCY_SORT = "FUND_IDEMPOTENCY";

    private FundKeys() {}

    static String accountPartition(AccountId id) {
        return "FUNDACCOUNT#" + id.value();
    }

    static Map<String, AttributeValue> account(AccountId id) {
        return Keys.key(accountPartition(id), ACCOUNT_SORT);
    }

    static Map<String, AttributeValue> ledgerEntry(AccountId account, String entryId) {
        return Keys.key(accountPartition(account), LEDGER_SORT_PREFIX + entryId);
    }

    static String claimPartition(ClaimId id) {
        return CLAIM_PREFIX + id.value();
    }

    static Map<String, AttributeValue> claim(ClaimId id) {
        return Keys.key(claimPartition(id), CLAIM_SORT);
    }

    static Map<String, AttributeValue> claimEvent(ClaimId id, long sequence) {
        return Keys.key(claimPartition(id), Keys.eventSort(sequence));
    }

    static Map<String, AttributeValue> idempotency(IdempotencyClaim claim) {
        return Keys.key(Keys.idempotencyPartition(claim.callerId(), claim.key()), IDEMPOTENCY_SORT);
    }

    /** gsi1: a holder's accounts, by fiscal year and kind. */
    static String accountsOf(OrganisationId holder) {
        return "FUNDACCOUNTS#" + holder.value();
    }

    /** gsi1: an account's claims, by submission time. */
    static String claimsOn(AccountId account) {
        return "FUNDCLAIMS#" + account.value();
    }

    /** gsi4: claims still holding money whose expiry falls on a UTC day; the expiry job reads the days up to today. */
    static String claimsExpiringOn(Instant expiry) {
        return "FUNDCLAIM_EXPIRY#" + expiry.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** gsi2: a community's published claims (公示), by publication time. */
    static String publishedIn(OrganisationId community) {
        return "FUNDPUBLIC#" + community.value();
    }
}
