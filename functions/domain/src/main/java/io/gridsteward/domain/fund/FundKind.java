package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.OrganisationKind;

/**
 * The funds a county keeps per fiscal year, by who holds them. The code is the account id's middle part and the
 * lake's {@code fund_kind}.
 */
public enum FundKind {
    /** 网格党小组活动经费: each grid party group's activity fund, held by the grid. */
    GRID_PARTY_GROUP_ACTIVITY("grid-activity", OrganisationKind.GRID),
    /** 社区工作经费: the community's work fund. */
    COMMUNITY_WORK("community-work", OrganisationKind.COMMUNITY),
    /** 为民服务专项经费: the community's service-the-masses fund. */
    SERVICE_THE_MASSES("service", OrganisationKind.COMMUNITY),
    /** The town's party-building fund. */
    TOWN_PARTY_BUILDING("town-party", OrganisationKind.TOWN),
    /** The county's party-building fund. */
    COUNTY_PARTY_BUILDING("county-party", OrganisationKind.COUNTY),
    /** 费随事转: the money of one task a county department delegated to a community, claimable only for that task. */
    DELEGATED_TASK("task", OrganisationKind.COMMUNITY);

    private final String code;
    private final OrganisationKind holderKind;

    FundKind(String code, OrganisationKind holderKind) {
        this.code = code;
        this.holderKind = holderKind;
    }

    public String code() {
        return code;
    }

    /** The kind of organisation that holds such an account and claims from it. */
    public OrganisationKind holderKind() {
        return holderKind;
    }
}
