package io.gridsteward.store.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimChange;
import io.gridsteward.domain.fund.ClaimEvent;
import java.util.ArrayList;
import java.util.List;

/** A claim as stored and its trace of events in sequence order. */
public record ClaimHistory(Claim claim, List<ClaimEvent> events) {

    public ClaimHistory {
        requireNonNull(claim, "claim");
        events = List.copyOf(events);
    }

    public ClaimHistory followedBy(ClaimChange change) {
        List<ClaimEvent> after = new ArrayList<>(events);
        after.add(change.event());
        return new ClaimHistory(change.claim(), after);
    }
}
