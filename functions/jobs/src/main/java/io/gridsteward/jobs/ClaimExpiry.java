package io.gridsteward.jobs;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimChange;
import io.gridsteward.store.fund.ClaimHistory;
import io.gridsteward.store.fund.FundStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One pass of the claim expiry: a fund claim still unpaid at its expiry (the fund's days, as data, from submission)
 * expires and releases all the money it held, so a forgotten claim does not keep a budget reserved. Finds the claims
 * through the expiry index (no Scan), re-reads each (the index is eventually consistent) and writes under its version,
 * so an approval or payment at the same moment, or a second pass running at once, leaves one outcome.
 */
public final class ClaimExpiry {

    private final FundStore store;
    private final int lookbackDays;
    private final int batchLimit;

    public ClaimExpiry(FundStore store, int lookbackDays, int batchLimit) {
        this.store = requireNonNull(store, "store");
        if (lookbackDays < 0 || batchLimit < 1) {
            throw new IllegalArgumentException(
                    "lookbackDays >= 0 and batchLimit >= 1: " + lookbackDays + ", " + batchLimit);
        }
        this.lookbackDays = lookbackDays;
        this.batchLimit = batchLimit;
    }

    public Result run(Instant now) {
        List<Claim> candidates = store.claimsExpiredBy(now, lookbackDays, batchLimit);
        int expired = 0;
        int alreadyDecided = 0;
        for (Claim candidate : candidates) {
            Optional<ClaimHistory> current = store.findClaim(candidate.id());
            Optional<ClaimChange> expiry =
                    current.flatMap(history -> history.claim().expireIfDue(now));
            if (expiry.isEmpty()) {
                alreadyDecided++;
                continue;
            }
            try {
                store.step(current.get(), expiry.get(), Optional.empty());
                expired++;
            } catch (VersionConflictException lostRace) {
                alreadyDecided++;
            }
        }
        return new Result(candidates.size(), expired, alreadyDecided);
    }

    /** What a pass did: claims found past their expiry, expired by it, and found decided (or expired) already. */
    public record Result(int found, int expired, int alreadyDecided) {}
}
