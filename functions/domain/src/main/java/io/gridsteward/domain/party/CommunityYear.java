package io.gridsteward.domain.party;

import io.gridsteward.domain.core.OrganisationId;
import java.util.Map;

/** A community's year: who reported in (by kind), who met the target, and both ledgers of all its people. */
public record CommunityYear(
        int year,
        OrganisationId community,
        Map<EnrolleeKind, Integer> confirmedByKind,
        int membersReportInCompliant,
        int membersMeetingTarget,
        long creditedMinutes,
        long certifiedMinutes,
        long countedMinutes) {

    public CommunityYear {
        confirmedByKind = Map.copyOf(confirmedByKind);
    }
}
