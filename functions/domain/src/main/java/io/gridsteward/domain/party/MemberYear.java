package io.gridsteward.domain.party;

import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import java.util.Map;
import java.util.Optional;

/**
 * A person's year (一人一档): activities attended, both ledgers and the minutes that count, points per kind (capped)
 * and in all, whether the yearly target and the pass mark are met, and whether every half-year's report-in came in
 * time (a member who has not reported cannot be rated 合格 or above).
 */
public record MemberYear(
        int year,
        EnrolleeId enrolleeId,
        EnrolleeKind kind,
        OrganisationId community,
        Optional<GridId> group,
        Optional<OrganisationId> workplaceUnit,
        int activitiesAttended,
        long creditedMinutes,
        long certifiedMinutes,
        long countedMinutes,
        Map<ActivityKind, Integer> pointsByKind,
        int points,
        boolean targetMet,
        boolean passMarkMet,
        int reportPeriodsDue,
        int reportPeriodsMet,
        boolean mayBeRatedQualified) {

    public MemberYear {
        pointsByKind = Map.copyOf(pointsByKind);
    }

    public boolean reportInCompliant() {
        return reportPeriodsMet == reportPeriodsDue;
    }
}
