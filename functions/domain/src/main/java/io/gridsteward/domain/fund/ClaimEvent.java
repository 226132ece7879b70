package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One step of a claim, immutable: who (user, role, organisation), when, from and to which status, why, the claim's
 * amount after it and what it did to the account's sums. Carries the claim's place and fund so that the lake needs
 * no lookup; no personal data beyond the pseudonymous user id.
 */
public record ClaimEvent(
        String id,
        ClaimId claimId,
        long sequence,
        ClaimEventType type,
        Optional<ClaimStatus> from,
        ClaimStatus to,
        Instant at,
        Caller actor,
        Optional<String> reason,
        Money amount,
        Movement movement) {

    public ClaimEvent {
        requireNonNull(id, "id");
        requireNonNull(claimId, "claimId");
        requireNonNull(type, "type");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        requireNonNull(actor, "actor");
        requireNonNull(reason, "reason");
        requireNonNull(amount, "amount");
        requireNonNull(movement, "movement");
    }

    public static String idFor(ClaimId claim, long sequence) {
        return claim.value() + ":" + sequence;
    }
}
