package io.gridsteward.domain.resource;

import static io.gridsteward.domain.resource.ResourceFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemandTest {

    @Test
    void aCommunitysDemandIsPublishedAtOnce() {
        Change<Demand> raised = Demand.raise(
                new DemandId("d"),
                RIVER,
                new Title("Volunteers"),
                TEN_CHAIRS,
                OPEN_MONTH,
                false,
                List.of(),
                RIVER_SECRETARY,
                NOW);
        assertThat(raised.state().status()).isEqualTo(DemandStatus.PUBLISHED);
        assertThat(raised.state().publishedAt()).contains(raised.state().submittedAt());
        assertThat(raised.event().type()).isEqualTo(ResourceEventType.DEMAND_PUBLISHED);
        assertThat(raised.event().item().community()).contains(RIVER.id());
        assertThat(raised.event().item().town()).isEqualTo(EAST_TOWN.id());
    }

    @Test
    void aGridsDemandCarriesItsGridCommunityAndTown() {
        Demand demand = Demand.raise(
                        new DemandId("d"),
                        RIVER_GRID,
                        new Title("Stairs rail"),
                        ONE_VISIT,
                        OPEN_MONTH,
                        false,
                        List.of(),
                        RIVER_PARTY_LEADER,
                        NOW)
                .state();
        assertThat(demand.grid()).contains(new GridId(RIVER_GRID.id().value()));
        assertThat(demand.community()).isEqualTo(RIVER.id());
        assertThatThrownBy(() -> Demand.raise(
                        new DemandId("d"),
                        LAKE_GRID,
                        new Title("t"),
                        ONE_VISIT,
                        OPEN_MONTH,
                        false,
                        List.of(),
                        RIVER_WORKER,
                        NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Demand.raise(
                        new DemandId("d"),
                        EAST_TOWN,
                        new Title("t"),
                        ONE_VISIT,
                        OPEN_MONTH,
                        false,
                        List.of(),
                        COUNTY_LEADER,
                        NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("placeId"));
    }

    @Test
    void aSmallWishIsEnteredByAGridWorkerAndWaitsForTheCommunity() {
        Change<Demand> submitted = Demand.raise(
                new DemandId("wish"),
                RIVER_GRID,
                new Title("A reading lamp"),
                ONE_VISIT,
                OPEN_MONTH,
                true,
                List.of(WISHING_RESIDENT.userId()),
                RIVER_WORKER,
                NOW);
        Demand wish = submitted.state();
        assertThat(wish.status()).isEqualTo(DemandStatus.AWAITING_VERIFICATION);
        assertThat(wish.publishedAt()).isEmpty();
        assertThat(submitted.event().type()).isEqualTo(ResourceEventType.DEMAND_SUBMITTED);
        assertThat(submitted.event().item().smallWish()).isTrue();

        assertThatThrownBy(() -> wish.claim(
                        new ClaimId("c"), 1, unitReach(SCHOOL_OFFICER, RIVER), Optional.empty(), List.of(), NOW))
                .as("an unverified wish is not claimable, not even visible to the unit")
                .isInstanceOf(ForbiddenException.class);
        assertThat(ResourceAccess.maySeeDemand(unitReach(SCHOOL_OFFICER, RIVER), wish))
                .isFalse();
        assertThat(ResourceAccess.maySeeDemand(reach(RIVER_SECRETARY), wish)).isTrue();

        assertThatThrownBy(() -> wish.verify(LAKE_SECRETARY, NOW)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> wish.verify(RIVER_WORKER, NOW)).isInstanceOf(ForbiddenException.class);
        Change<Demand> verified = wish.verify(RIVER_SECRETARY, NOW.plusSeconds(60));
        assertThat(verified.state().status()).isEqualTo(DemandStatus.PUBLISHED);
        assertThat(verified.state().publishedAt())
                .contains(NOW.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(verified.event().type()).isEqualTo(ResourceEventType.DEMAND_PUBLISHED);
        assertThat(verified.event().actor()).isEqualTo(RIVER_SECRETARY);
        assertThatThrownBy(() -> verified.state().verify(RIVER_SECRETARY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyAGridWorkerEntersSmallWishesAndEachNamesItsResident() {
        assertThatThrownBy(() -> Demand.raise(
                        new DemandId("w"),
                        RIVER_GRID,
                        new Title("t"),
                        ONE_VISIT,
                        OPEN_MONTH,
                        true,
                        List.of("resident-1"),
                        RIVER_SECRETARY,
                        NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Demand.raise(
                        new DemandId("w"),
                        RIVER_GRID,
                        new Title("t"),
                        ONE_VISIT,
                        OPEN_MONTH,
                        true,
                        List.of(),
                        RIVER_WORKER,
                        NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("beneficiaryIds"));
        assertThatThrownBy(() -> Demand.raise(
                        new DemandId("w"),
                        RIVER_GRID,
                        new Title("t"),
                        ONE_VISIT,
                        OPEN_MONTH,
                        true,
                        List.of("a#b"),
                        RIVER_WORKER,
                        NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("beneficiaryIds[0]"));
    }

    @Test
    void aRejectedWishIsNeverPublished() {
        Demand wish = Demand.raise(
                        new DemandId("wish"),
                        RIVER_GRID,
                        new Title("t"),
                        ONE_VISIT,
                        OPEN_MONTH,
                        true,
                        List.of("resident-1"),
                        RIVER_WORKER,
                        NOW)
                .state();
        Change<Demand> rejected = wish.reject(new Reason("the family already has one"), RIVER_SECRETARY, NOW);
        assertThat(rejected.state().status()).isEqualTo(DemandStatus.REJECTED);
        assertThat(rejected.event().reason()).contains("the family already has one");
        assertThatThrownBy(() -> rejected.state().verify(RIVER_SECRETARY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aUnitClaimsOnlyTheDemandsOfCommunitiesItReportedInTo() {
        Demand volunteers = riverVolunteers();
        Claim claim = volunteers
                .claim(new ClaimId("c"), 2, unitReach(SCHOOL_OFFICER, RIVER), Optional.empty(), List.of(), NOW)
                .state();
        assertThat(claim.claimant()).isEqualTo(Claimant.unit(SCHOOL.id()));
        assertThat(claim.decider()).isEqualTo(RIVER.id());
        assertThat(claim.value()).isEqualTo(Money.ofFen(20_000));
        assertThatThrownBy(() -> volunteers.claim(
                        new ClaimId("c"), 1, unitReach(HOSPITAL_OFFICER, LAKE), Optional.empty(), List.of(), NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThat(ResourceAccess.maySeeDemand(unitReach(HOSPITAL_OFFICER, LAKE), volunteers))
                .isFalse();
        assertThat(ResourceAccess.maySeeDemand(unitReach(HOSPITAL_OFFICER, RIVER), volunteers))
                .isTrue();
    }

    @Test
    void aPartyGroupClaimsThroughItsGridsLeaderInTheDemandsTown() {
        Demand volunteers = riverVolunteers();
        Claim claim = volunteers
                .claim(new ClaimId("c"), 3, reach(LAKE_PARTY_LEADER), Optional.of("party-group-lake-1"), List.of(), NOW)
                .state();
        assertThat(claim.claimant()).isEqualTo(Claimant.partyGroup("party-group-lake-1", LAKE_GRID.id()));
        assertThatThrownBy(() -> volunteers.claim(
                        new ClaimId("c"), 1, reach(LAKE_PARTY_LEADER), Optional.empty(), List.of(), NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("partyGroupId"));
        assertThatThrownBy(() -> volunteers.claim(
                        new ClaimId("c"), 1, reach(HILL_PARTY_LEADER), Optional.of("g"), List.of(), NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void threeMembersClaimTogether() {
        Demand volunteers = riverVolunteers();
        Change<Claim> joint = volunteers.claim(
                new ClaimId("c"),
                3,
                reach(MEMBER_ONE),
                Optional.empty(),
                List.of(MEMBER_TWO.userId(), MEMBER_THREE.userId()),
                NOW);
        Claim claim = joint.state();
        assertThat(claim.claimant().kind()).isEqualTo(ClaimantKind.MEMBERS);
        assertThat(claim.claimant().memberIds()).containsExactly("member-1", "member-2", "member-3");
        assertThat(claim.claimant().isJoint()).isTrue();
        assertThat(joint.event().claim().orElseThrow().memberCount()).isEqualTo(3);
        assertThat(joint.event().actor()).isEqualTo(MEMBER_ONE);

        assertThatThrownBy(() -> volunteers.claim(
                        new ClaimId("c"), 1, reach(MEMBER_ONE), Optional.empty(), List.of(MEMBER_ONE.userId()), NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("memberIds"));
        assertThatThrownBy(() ->
                        volunteers.claim(new ClaimId("c"), 1, reach(HILL_MEMBER), Optional.empty(), List.of(), NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> volunteers.claim(
                        new ClaimId("c"),
                        1,
                        unitReach(SCHOOL_OFFICER, RIVER),
                        Optional.empty(),
                        List.of("member-2"),
                        NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("memberIds"));
    }

    @Test
    void aDemandIsNeverClaimedBeyondWhatItAskedFor() {
        Demand volunteers = riverVolunteers();
        assertThatThrownBy(() ->
                        volunteers.claim(new ClaimId("c"), 6, reach(MEMBER_ONE), Optional.empty(), List.of(), NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("quantity"));
        Demand withdrawn = volunteers
                .withdraw(new Reason("met elsewhere"), RIVER_SECRETARY, NOW)
                .state();
        assertThatThrownBy(
                        () -> withdrawn.claim(new ClaimId("c"), 1, reach(MEMBER_ONE), Optional.empty(), List.of(), NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> volunteers.claim(
                        new ClaimId("c"), 1, reach(MEMBER_ONE), Optional.empty(), List.of(), OPEN_MONTH.until()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void communityStaffAndTheirTownSeeAPublishedDemand() {
        Demand volunteers = riverVolunteers();
        assertThat(ResourceAccess.maySeeDemand(reach(LAKE_SECRETARY), volunteers))
                .isTrue();
        assertThat(ResourceAccess.maySeeDemand(reach(EAST_DISPATCHER), volunteers))
                .isTrue();
        assertThat(ResourceAccess.maySeeDemand(reach(COUNTY_LEADER), volunteers))
                .isTrue();
        assertThat(ResourceAccess.maySeeDemand(reach(HILL_SECRETARY), volunteers))
                .isFalse();
        assertThat(ResourceAccess.maySeeDemand(reach(CIVIL_OFFICER), volunteers))
                .isFalse();
        assertThat(ResourceAccess.maySeeDemand(reach(WISHING_RESIDENT), volunteers))
                .isFalse();
    }
}
