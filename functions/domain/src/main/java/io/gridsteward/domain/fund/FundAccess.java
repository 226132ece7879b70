package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import java.util.Optional;

/**
 * Who may do what with accounts and claims, by role and jurisdiction. The claim's chain is the county's: the
 * community secretary reviews, the town supervisor approves and pays, the county leader approves above the
 * threshold; nobody reviews or approves their own claim.
 */
public final class FundAccess {

    private FundAccess() {}

    /** Opening, allocating, transferring and carrying over: the county leader, a town's supervisor in their town, a department for its tasks. */
    public static boolean mayManage(Caller caller, Account account) {
        return switch (caller.role()) {
            case COUNTY_LEADER -> true;
            case TOWN_SUPERVISOR -> account.kind() != FundKind.COUNTY_PARTY_BUILDING && within(caller, account.town());
            case DEPARTMENT_OFFICER ->
                account.delegatedTask()
                        .map(task -> caller.actsFor(task.department()))
                        .orElse(false);
            case RESIDENT,
                    GRID_WORKER,
                    GRID_PARTY_LEADER,
                    COMMUNITY_SECRETARY,
                    TOWN_DISPATCHER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
    }

    /** Reading an account, its ledger and its claims: those who manage it, and its holder's and community's staff. */
    public static boolean mayRead(Caller caller, Account account) {
        if (mayManage(caller, account)) {
            return true;
        }
        return switch (caller.role()) {
            case GRID_PARTY_LEADER -> caller.actsFor(account.holder());
            case COMMUNITY_SECRETARY -> within(caller, account.community());
            case TOWN_DISPATCHER -> within(caller, account.town());
            case RESIDENT,
                    GRID_WORKER,
                    TOWN_SUPERVISOR,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
    }

    /** A grid party-group leader claims from their grid's activity fund; a community secretary from the community's funds. */
    public static boolean maySubmit(Caller caller, Account account) {
        return switch (account.kind()) {
            case GRID_PARTY_GROUP_ACTIVITY ->
                caller.role() == Role.GRID_PARTY_LEADER && caller.actsFor(account.holder());
            case COMMUNITY_WORK, SERVICE_THE_MASSES, DELEGATED_TASK ->
                caller.role() == Role.COMMUNITY_SECRETARY && caller.actsFor(account.holder());
            case TOWN_PARTY_BUILDING, COUNTY_PARTY_BUILDING -> false;
        };
    }

    /** Reading a claim: whoever may read its account, and its claimant. */
    public static boolean mayRead(Caller caller, Claim claim) {
        return caller.userId().equals(claim.claimantId()) && caller.role() == claim.claimantRole()
                || switch (caller.role()) {
                    case COMMUNITY_SECRETARY -> caller.actsFor(claim.community());
                    case TOWN_SUPERVISOR, TOWN_DISPATCHER -> caller.actsFor(claim.town());
                    case COUNTY_LEADER -> true;
                    case DEPARTMENT_OFFICER ->
                        claim.department().map(caller::actsFor).orElse(false);
                    case GRID_PARTY_LEADER -> caller.actsFor(claim.holder());
                    case RESIDENT, GRID_WORKER, UNIT_OFFICER, PARTY_MEMBER, SYSTEM -> false;
                };
    }

    /** Whether {@code caller} may take {@code step} on {@code claim} as it stands. */
    public static boolean mayTake(Caller caller, ClaimEventType step, Claim claim) {
        boolean claimant = caller.userId().equals(claim.claimantId()) && caller.role() == claim.claimantRole();
        return switch (step) {
            case SUBMITTED -> false;
            case RESUBMITTED, WITHDRAWN -> claimant;
            case REVIEWED -> !claimant && isReviewer(caller, claim);
            case TOWN_APPROVED, PAID, REVERSED -> !claimant && isTown(caller, claim);
            case APPROVED ->
                !claimant
                        && switch (claim.status()) {
                            case REVIEWED -> isTown(caller, claim);
                            case TOWN_APPROVED -> isCounty(caller);
                            case SUBMITTED,
                                    RETURNED,
                                    APPROVED,
                                    PAID,
                                    PUBLISHED,
                                    REJECTED,
                                    WITHDRAWN,
                                    EXPIRED,
                                    REVERSED -> isTown(caller, claim) || isCounty(caller);
                        };
            case PUBLISHED -> isReviewer(caller, claim);
            case RETURNED, REJECTED ->
                !claimant
                        && switch (claim.status()) {
                            case SUBMITTED -> isReviewer(caller, claim);
                            case REVIEWED -> isTown(caller, claim);
                            case TOWN_APPROVED -> isCounty(caller);
                            // No level acts now: anyone of the chain learns that the status does not allow it (409),
                            // not 403.
                            case RETURNED, APPROVED, PAID, PUBLISHED, REJECTED, WITHDRAWN, EXPIRED, REVERSED ->
                                isReviewer(caller, claim) || isTown(caller, claim) || isCounty(caller);
                        };
            case EXPIRED -> caller.role() == Role.SYSTEM;
        };
    }

    private static boolean isReviewer(Caller caller, Claim claim) {
        return caller.role() == Role.COMMUNITY_SECRETARY && caller.actsFor(claim.community());
    }

    private static boolean isTown(Caller caller, Claim claim) {
        return caller.role() == Role.TOWN_SUPERVISOR && caller.actsFor(claim.town());
    }

    private static boolean isCounty(Caller caller) {
        return caller.role() == Role.COUNTY_LEADER;
    }

    private static boolean within(Caller caller, Optional<OrganisationId> organisation) {
        return organisation.map(caller::actsFor).orElse(false);
    }
}
