package io.gridsteward.domain.party;

/** Who reports in to a community (双报到) and how the community holds them. */
public enum EnrolleeKind {
    /** 在职党员: reports in to the community where they live and is placed in a grid party group. */
    IN_SERVICE_MEMBER,
    /** 零散党员 (retired, unemployed, mobile): placed by the community itself (兜底管理). */
    SCATTERED_MEMBER,
    /** 下沉干部: department staff sent down into a grid; checks in like a member, not a party-group member. */
    SUNK_STAFF,
    /** 驻区单位: a resident unit; confirmed by the community, never placed in a group. */
    UNIT;

    /** People check in to activities and earn hours; units do through their members. */
    public boolean isPerson() {
        return switch (this) {
            case IN_SERVICE_MEMBER, SCATTERED_MEMBER, SUNK_STAFF -> true;
            case UNIT -> false;
        };
    }

    /** Whether a confirmation places the enrollee in a grid party group. */
    public boolean isPlacedInGroup() {
        return switch (this) {
            case IN_SERVICE_MEMBER, SCATTERED_MEMBER, SUNK_STAFF -> true;
            case UNIT -> false;
        };
    }

    /** Party members have yearly targets and appraisals; sunk staff's hours are counted, not appraised here. */
    public boolean isPartyMember() {
        return switch (this) {
            case IN_SERVICE_MEMBER, SCATTERED_MEMBER -> true;
            case SUNK_STAFF, UNIT -> false;
        };
    }
}
