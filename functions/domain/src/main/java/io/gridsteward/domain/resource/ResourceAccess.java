package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may do what with offers, demands, claims and projects: the one table of roles and jurisdictions. A town is a
 * pool: its communities and grids see the offers made to it and each other's published demands; a unit sees the
 * demands of the communities it reported in to; a party member those of their community's town; county leaders see
 * everything.
 *
 * <pre>
 * step              who
 * ----------------  ------------------------------------------------------------------------------------------------
 * publish offer     UNIT_OFFICER for their unit, DEPARTMENT_OFFICER for their department (into any town's pool);
 *                   COMMUNITY_SECRETARY for their community (into its town's pool)
 * withdraw offer    the provider's officer (the role that publishes for it)
 * see offer         the provider's officer; COMMUNITY_SECRETARY, GRID_WORKER, GRID_PARTY_LEADER, TOWN_DISPATCHER,
 *                   TOWN_SUPERVISOR of the pool's town; COUNTY_LEADER
 * claim offer       COMMUNITY_SECRETARY of a community of the pool's town, not the one that offered it
 * raise demand      COMMUNITY_SECRETARY for their community or its grids; GRID_WORKER, GRID_PARTY_LEADER for their grid
 * small wish        GRID_WORKER for their grid (for the residents it names); waits for verification
 * verify / reject   COMMUNITY_SECRETARY of the demand's community; withdraw the same
 * see demand        COMMUNITY_SECRETARY, GRID_WORKER, GRID_PARTY_LEADER of its community (any status); once published:
 *                   those and TOWN_DISPATCHER, TOWN_SUPERVISOR of its town, UNIT_OFFICER of a unit that declared its
 *                   community, PARTY_MEMBER of a community of its town; COUNTY_LEADER
 * claim demand      UNIT_OFFICER (for their unit, which declared the community); GRID_PARTY_LEADER of a grid of its town
 *                   (for a party group); PARTY_MEMBER of a community of its town (alone, or with co-members: 帮帮团)
 * accept / decline  an offer's claim: the provider's officer; a demand's claim: COMMUNITY_SECRETARY of its community
 * run project       the one who claimed, any member of a joint claim, and officers of the claiming organisation:
 *                   milestones, evidence uploads, completion, funding (the served community's secretary may link funding)
 * follow-up visit   COMMUNITY_SECRETARY of the community served
 * rate              RESIDENT the project served, once
 * see claim/project the one who claimed and the claimant's members or officers; the decider's officers; staff of the
 *                   community served; COUNTY_LEADER; a project also the residents it served
 * list demands      a community's in every status: its staff, COUNTY_LEADER; its published ones: whoever sees them
 * list to decide    the claims waiting for an organisation: its deciding officers, COUNTY_LEADER
 * public list       anyone signed in: the completed projects of a community
 * </pre>
 */
public final class ResourceAccess {

    private ResourceAccess() {}

    public static boolean mayPublishOffer(Caller caller, Organisation provider) {
        return caller.actsFor(provider.id()) && publishesFor(caller.role(), provider.kind());
    }

    public static boolean actsForProvider(Caller caller, Offer offer) {
        return caller.actsFor(offer.provider()) && publishesFor(caller.role(), offer.providerKind());
    }

    public static boolean maySeeOffer(Reach reach, Offer offer) {
        Caller caller = reach.caller();
        return actsForProvider(caller, offer)
                || switch (caller.role()) {
                    case COUNTY_LEADER -> true;
                    case COMMUNITY_SECRETARY, GRID_WORKER, GRID_PARTY_LEADER, TOWN_DISPATCHER, TOWN_SUPERVISOR ->
                        reach.inTown(offer.town());
                    case RESIDENT, DEPARTMENT_OFFICER, UNIT_OFFICER, PARTY_MEMBER, SYSTEM -> false;
                };
    }

    /** Whether the caller may list the offers in a town's pool (the provider's own offers are listed separately). */
    public static boolean mayListPool(Reach reach, OrganisationId town) {
        return switch (reach.caller().role()) {
            case COUNTY_LEADER -> true;
            case COMMUNITY_SECRETARY, GRID_WORKER, GRID_PARTY_LEADER, TOWN_DISPATCHER, TOWN_SUPERVISOR, PARTY_MEMBER ->
                reach.inTown(town);
            case UNIT_OFFICER -> false;
            case RESIDENT, DEPARTMENT_OFFICER, SYSTEM -> false;
        };
    }

    public static boolean mayClaimOffer(Reach reach, Offer offer) {
        Caller caller = reach.caller();
        return caller.role() == Role.COMMUNITY_SECRETARY
                && reach.inTown(offer.town())
                && reach.community().isPresent()
                && !caller.actsFor(offer.provider());
    }

    static boolean mayRaiseDemand(Caller caller, Organisation place, OrganisationId community, boolean smallWish) {
        if (smallWish) {
            return caller.role() == Role.GRID_WORKER
                    && place.kind() == OrganisationKind.GRID
                    && caller.actsFor(place.id());
        }
        return switch (caller.role()) {
            case COMMUNITY_SECRETARY -> caller.actsFor(community);
            case GRID_WORKER, GRID_PARTY_LEADER -> place.kind() == OrganisationKind.GRID && caller.actsFor(place.id());
            case RESIDENT,
                    TOWN_DISPATCHER,
                    TOWN_SUPERVISOR,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
    }

    public static boolean maySeeDemand(Reach reach, Demand demand) {
        Caller caller = reach.caller();
        boolean ownCommunity = switch (caller.role()) {
            case COMMUNITY_SECRETARY, GRID_WORKER, GRID_PARTY_LEADER -> reach.inCommunity(demand.community());
            case RESIDENT,
                    TOWN_DISPATCHER,
                    TOWN_SUPERVISOR,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
        if (ownCommunity || caller.role() == Role.COUNTY_LEADER) {
            return true;
        }
        return demand.status() != DemandStatus.AWAITING_VERIFICATION
                && demand.status() != DemandStatus.REJECTED
                && switch (caller.role()) {
                    case COMMUNITY_SECRETARY,
                            GRID_WORKER,
                            GRID_PARTY_LEADER,
                            TOWN_DISPATCHER,
                            TOWN_SUPERVISOR,
                            PARTY_MEMBER -> reach.inTown(demand.town());
                    case UNIT_OFFICER -> reach.declaredCommunities().contains(demand.community());
                    case RESIDENT, DEPARTMENT_OFFICER, COUNTY_LEADER, SYSTEM -> false;
                };
    }

    /** Whether the caller may list a community's demands in every status: its own staff, county leaders. */
    public static boolean mayListAllDemandsOf(Reach reach, OrganisationId community) {
        return reach.caller().role() == Role.COUNTY_LEADER || isStaffOf(reach, community);
    }

    /** Whether the caller may list a community's published demands: whoever may see them (see {@link #maySeeDemand}). */
    public static boolean mayListPublishedDemandsOf(Reach reach, Organisation community) {
        if (mayListAllDemandsOf(reach, community.id())) {
            return true;
        }
        return switch (reach.caller().role()) {
            case COMMUNITY_SECRETARY, GRID_WORKER, GRID_PARTY_LEADER, TOWN_DISPATCHER, TOWN_SUPERVISOR, PARTY_MEMBER ->
                community.town().filter(reach::inTown).isPresent();
            case UNIT_OFFICER -> reach.declaredCommunities().contains(community.id());
            case RESIDENT, DEPARTMENT_OFFICER, COUNTY_LEADER, SYSTEM -> false;
        };
    }

    /** Whether the caller may list the claims waiting for an organisation's decision: its deciding officers, county leaders. */
    public static boolean mayListAwaitingDecision(Caller caller, Organisation decider) {
        if (caller.role() == Role.COUNTY_LEADER) {
            return true;
        }
        return caller.actsFor(decider.id())
                && (publishesFor(caller.role(), decider.kind()) || caller.role() == Role.COMMUNITY_SECRETARY);
    }

    /**
     * Who the caller claims a demand for, from their role: a unit officer for their unit (which must have declared the
     * demand's community), a grid's party leader for the party group named, a party member for themselves and the
     * co-members named. Empty when the caller may not claim it.
     *
     * @throws ValidationException naming {@code partyGroupId} or {@code memberIds} when the request does not fit the role
     */
    static Optional<Claimant> claimantOf(
            Reach reach, Demand demand, Optional<String> partyGroupId, List<String> coMemberIds) {
        Caller caller = reach.caller();
        if (!maySeeDemand(reach, demand)) {
            return Optional.empty();
        }
        Optional<Claimant> claimant = switch (caller.role()) {
            case UNIT_OFFICER ->
                caller.organisationId()
                        .filter(unit -> reach.declaredCommunities().contains(demand.community()))
                        .map(Claimant::unit);
            case GRID_PARTY_LEADER ->
                reach.organisation()
                        .filter(grid -> grid.kind() == OrganisationKind.GRID && reach.inTown(demand.town()))
                        .map(grid -> Claimant.partyGroup(
                                partyGroupId.orElseThrow(() -> ValidationException.of(
                                        "partyGroupId", "is required: a party leader claims for a party group")),
                                grid.id()));
            case PARTY_MEMBER ->
                reach.inTown(demand.town()) ? Optional.of(members(caller, coMemberIds)) : Optional.empty();
            case RESIDENT,
                    GRID_WORKER,
                    COMMUNITY_SECRETARY,
                    TOWN_DISPATCHER,
                    TOWN_SUPERVISOR,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    SYSTEM -> Optional.empty();
        };
        if (claimant.isPresent() && claimant.get().kind() != ClaimantKind.PARTY_GROUP && partyGroupId.isPresent()) {
            throw ValidationException.of("partyGroupId", "only a party leader claims for a party group");
        }
        if (claimant.isPresent() && claimant.get().kind() != ClaimantKind.MEMBERS && !coMemberIds.isEmpty()) {
            throw ValidationException.of("memberIds", "only party members claim together");
        }
        return claimant;
    }

    /** Whether the caller accepts or declines the claim for the item's side. */
    public static boolean decidesFor(Caller caller, Claim claim) {
        if (!caller.actsFor(claim.decider())) {
            return false;
        }
        return switch (claim.item().type()) {
            case OFFER ->
                claim.item()
                        .providerKind()
                        .filter(kind -> publishesFor(caller.role(), kind))
                        .isPresent();
            case DEMAND -> caller.role() == Role.COMMUNITY_SECRETARY;
        };
    }

    /** The one who claimed, any of the members, or an officer of the claiming organisation. */
    static boolean mayActForClaimant(
            Caller caller, String claimedBy, Optional<OrganisationId> organisation, List<String> memberIds) {
        if (caller.role() == Role.SYSTEM || caller.role() == Role.RESIDENT) {
            return false;
        }
        if (caller.userId().equals(claimedBy) || memberIds.contains(caller.userId())) {
            return true;
        }
        return organisation.filter(caller::actsFor).isPresent()
                && switch (caller.role()) {
                    case COMMUNITY_SECRETARY, UNIT_OFFICER, GRID_PARTY_LEADER -> true;
                    case RESIDENT,
                            GRID_WORKER,
                            TOWN_DISPATCHER,
                            TOWN_SUPERVISOR,
                            DEPARTMENT_OFFICER,
                            COUNTY_LEADER,
                            PARTY_MEMBER,
                            SYSTEM -> false;
                };
    }

    public static boolean maySeeClaim(Reach reach, Claim claim) {
        Caller caller = reach.caller();
        return caller.role() == Role.COUNTY_LEADER
                || mayActForClaimant(
                        caller,
                        claim.claimedBy(),
                        claim.claimant().organisation(),
                        claim.claimant().memberIds())
                || decidesFor(caller, claim)
                || isStaffOf(reach, claim.community());
    }

    static boolean managesProject(Caller caller, Project project) {
        return mayActForClaimant(caller, project.ownerId(), project.ownerOrganisation(), project.memberIds());
    }

    public static boolean maySeeProject(Reach reach, Project project) {
        Caller caller = reach.caller();
        boolean deciderOfficer =
                project.item().provider().filter(caller::actsFor).isPresent()
                        && project.item()
                                .providerKind()
                                .filter(kind -> publishesFor(caller.role(), kind))
                                .isPresent();
        return caller.role() == Role.COUNTY_LEADER
                || managesProject(caller, project)
                || deciderOfficer
                || isStaffOf(reach, project.claim().community())
                || (caller.role() == Role.RESIDENT
                        && project.servedResidentIds().contains(caller.userId()));
    }

    static boolean mayRate(Caller caller, Project project) {
        return caller.role() == Role.RESIDENT && project.servedResidentIds().contains(caller.userId());
    }

    static boolean isCommunitySecretaryOf(Caller caller, OrganisationId community) {
        return caller.role() == Role.COMMUNITY_SECRETARY && caller.actsFor(community);
    }

    /** Staff of the community or of its grids. */
    private static boolean isStaffOf(Reach reach, OrganisationId community) {
        return switch (reach.caller().role()) {
            case COMMUNITY_SECRETARY, GRID_WORKER, GRID_PARTY_LEADER -> reach.inCommunity(community);
            case RESIDENT,
                    TOWN_DISPATCHER,
                    TOWN_SUPERVISOR,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
    }

    private static Claimant members(Caller caller, List<String> coMemberIds) {
        List<String> members = new ArrayList<>();
        members.add(caller.userId());
        members.addAll(coMemberIds);
        return Claimant.members(members);
    }

    private static boolean publishesFor(Role role, OrganisationKind provider) {
        return switch (provider) {
            case UNIT -> role == Role.UNIT_OFFICER;
            case DEPARTMENT -> role == Role.DEPARTMENT_OFFICER;
            case COMMUNITY -> role == Role.COMMUNITY_SECRETARY;
            case COUNTY, TOWN, GRID -> false;
        };
    }
}
