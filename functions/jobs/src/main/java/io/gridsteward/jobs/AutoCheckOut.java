package io.gridsteward.jobs;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.party.Attendance;
import io.gridsteward.domain.party.AttendanceChange;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.store.party.PartyStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One pass of the auto check-out: closes the check-outs people forgot, at their activity's end, with hours capped by
 * the window (the commonest complaint of volunteer-hour systems). Finds open attendances through the check-out index
 * (no Scan), re-reads each (the index is eventually consistent) and writes under its version, so a member checking
 * out at the same moment or a second pass running at once leaves one closing event.
 */
public final class AutoCheckOut {

    private final PartyStore store;
    private final PartyRules rules;
    private final int lookbackDays;
    private final int batchLimit;

    public AutoCheckOut(PartyStore store, PartyRules rules, int lookbackDays, int batchLimit) {
        this.store = requireNonNull(store, "store");
        this.rules = requireNonNull(rules, "rules");
        if (lookbackDays < 0 || batchLimit < 1) {
            throw new IllegalArgumentException(
                    "lookbackDays >= 0 and batchLimit >= 1: " + lookbackDays + ", " + batchLimit);
        }
        this.lookbackDays = lookbackDays;
        this.batchLimit = batchLimit;
    }

    public Result run(Instant now) {
        List<Attendance> candidates = store.openAttendancesEndedBefore(now, lookbackDays, batchLimit);
        int closed = 0;
        int alreadyClosed = 0;
        for (Attendance candidate : candidates) {
            Optional<Attendance> current = store.findAttendance(candidate.activityId(), candidate.enrolleeId())
                    .filter(attendance -> attendance.status().isOpen());
            if (current.isEmpty()) {
                alreadyClosed++;
                continue;
            }
            AttendanceChange change = current.get().autoCheckOut(now, rules);
            try {
                store.transition(change, current.get().version(), Optional.empty());
                closed++;
            } catch (VersionConflictException lostRace) {
                alreadyClosed++;
            }
        }
        return new Result(candidates.size(), closed, alreadyClosed);
    }

    /** What a pass did: open attendances found past their activity's end, closed by it, and found closed already. */
    public record Result(int found, int closed, int alreadyClosed) {}
}
