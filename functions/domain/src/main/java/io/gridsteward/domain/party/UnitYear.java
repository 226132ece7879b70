package io.gridsteward.domain.party;

import io.gridsteward.domain.core.OrganisationId;
import java.math.BigDecimal;

/**
 * A resident unit's year: how many of its in-service members reported in on time and met the yearly target; under the
 * county's threshold on either rate the unit loses its assessment eligibility.
 */
public record UnitYear(
        int year,
        OrganisationId unit,
        boolean unitReportedIn,
        int members,
        int membersReportedIn,
        int membersMeetingTarget,
        BigDecimal reportRate,
        BigDecimal completionRate,
        long countedMinutes,
        boolean eligibleForAssessment) {}
