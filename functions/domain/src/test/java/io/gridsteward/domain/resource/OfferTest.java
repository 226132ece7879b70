package io.gridsteward.domain.resource;

import static io.gridsteward.domain.resource.ResourceFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfferTest {

    @Test
    void aUnitPublishesIntoATownsPoolWithEverythingOnTheEvent() {
        Change<Offer> published = Offer.publish(
                new OfferId("offer-1"),
                SCHOOL,
                EAST_TOWN,
                new Title("Folding chairs"),
                TEN_CHAIRS,
                OPEN_MONTH,
                SCHOOL_OFFICER,
                NOW);

        assertThat(published.state().remaining()).isEqualTo(10);
        assertThat(published.state().status()).isEqualTo(OfferStatus.OPEN);
        ResourceEvent event = published.event();
        assertThat(event.type()).isEqualTo(ResourceEventType.OFFER_PUBLISHED);
        assertThat(event.actor()).isEqualTo(SCHOOL_OFFICER);
        assertThat(event.occurredAt()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(event.item().town()).isEqualTo(EAST_TOWN.id());
        assertThat(event.item().provider()).contains(SCHOOL.id());
        assertThat(event.item().providerKind()).contains(OrganisationKind.UNIT);
        assertThat(event.item().value()).isEqualTo(Money.ofFen(50_000));
        assertThat(event.eventId()).isEqualTo(ResourceEvent.idFor(ResourceSubject.OFFER, "offer-1", 1));
    }

    @Test
    void onlyTheProvidersOwnOfficerPublishes() {
        assertThatThrownBy(() -> Offer.publish(
                        new OfferId("o"),
                        SCHOOL,
                        EAST_TOWN,
                        new Title("t"),
                        TEN_CHAIRS,
                        OPEN_MONTH,
                        HOSPITAL_OFFICER,
                        NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Offer.publish(
                        new OfferId("o"),
                        SCHOOL,
                        EAST_TOWN,
                        new Title("t"),
                        TEN_CHAIRS,
                        OPEN_MONTH,
                        RIVER_SECRETARY,
                        NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThat(Offer.publish(
                                new OfferId("o"),
                                CIVIL_AFFAIRS,
                                WEST_TOWN,
                                new Title("t"),
                                TEN_CHAIRS,
                                OPEN_MONTH,
                                CIVIL_OFFICER,
                                NOW)
                        .state()
                        .town())
                .isEqualTo(WEST_TOWN.id());
    }

    @Test
    void aCommunityOffersOnlyToItsOwnTown() {
        assertThatThrownBy(() -> Offer.publish(
                        new OfferId("o"),
                        RIVER,
                        WEST_TOWN,
                        new Title("Hall"),
                        TEN_CHAIRS,
                        OPEN_MONTH,
                        RIVER_SECRETARY,
                        NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Offer.publish(
                        new OfferId("o"), SCHOOL, RIVER, new Title("t"), TEN_CHAIRS, OPEN_MONTH, SCHOOL_OFFICER, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("townId"));
    }

    @Test
    void moneyIsCountedInFenAndValuesAreQuantityTimesUnitValue() {
        assertThat(Provision.money(123_456).valueOf(1_000)).isEqualTo(Money.ofFen(1_000));
        assertThat(TEN_CHAIRS.valueOf(3)).isEqualTo(Money.ofFen(15_000));
        assertThatThrownBy(() -> new Provision(ResourceKind.MONEY, 100, Money.ofFen(2)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("unitValueFen"));
        assertThatThrownBy(() -> new Provision(ResourceKind.VENUE, 0, Money.ZERO))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> new Provision(ResourceKind.VENUE, Provision.MAXIMUM_QUANTITY + 1, Money.ZERO))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Validity(NOW, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("validUntil"));
    }

    @Test
    void aCommunityOfThePoolsTownClaimsAQuantity() {
        Change<Claim> claimed = schoolChairs().claim(new ClaimId("claim-1"), 4, reach(RIVER_SECRETARY), NOW);

        Claim claim = claimed.state();
        assertThat(claim.status()).isEqualTo(ClaimStatus.CLAIMED);
        assertThat(claim.claimant()).isEqualTo(Claimant.community(RIVER.id()));
        assertThat(claim.community()).isEqualTo(RIVER.id());
        assertThat(claim.decider()).isEqualTo(SCHOOL.id());
        assertThat(claim.value()).isEqualTo(Money.ofFen(20_000));
        assertThat(claimed.event().type()).isEqualTo(ResourceEventType.CLAIMED);
        assertThat(claimed.event().claim().orElseThrow().quantity()).isEqualTo(4);
        assertThat(claimed.event().item().publishedAt()).contains(schoolChairs().publishedAt());
    }

    @Test
    void communitiesOutsideThePoolsTownAndOtherRolesCannotClaim() {
        Offer chairs = schoolChairs();
        assertThatThrownBy(() -> chairs.claim(new ClaimId("c"), 1, reach(HILL_SECRETARY), NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> chairs.claim(new ClaimId("c"), 1, reach(RIVER_WORKER), NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> chairs.claim(new ClaimId("c"), 1, reach(COUNTY_LEADER), NOW))
                .isInstanceOf(ForbiddenException.class);
        Offer riverHall = Offer.publish(
                        new OfferId("hall"),
                        RIVER,
                        EAST_TOWN,
                        new Title("Hall"),
                        TEN_CHAIRS,
                        OPEN_MONTH,
                        RIVER_SECRETARY,
                        NOW)
                .state();
        assertThatThrownBy(() -> riverHall.claim(new ClaimId("c"), 1, reach(RIVER_SECRETARY), NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThat(riverHall
                        .claim(new ClaimId("c"), 1, reach(LAKE_SECRETARY), NOW)
                        .state()
                        .community())
                .isEqualTo(LAKE.id());
    }

    @Test
    void aClaimIsForOneUnitUpToWhatRemains() {
        Offer chairs = schoolChairs();
        assertThatThrownBy(() -> chairs.claim(new ClaimId("c"), 11, reach(RIVER_SECRETARY), NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> chairs.claim(new ClaimId("c"), 0, reach(RIVER_SECRETARY), NOW))
                .isInstanceOf(ValidationException.class);
        assertThat(chairs.claim(new ClaimId("c"), 10, reach(RIVER_SECRETARY), NOW)
                        .state()
                        .quantity())
                .isEqualTo(10);
    }

    @Test
    void aWithdrawnOrExpiredOfferCannotBeClaimed() {
        Offer chairs = schoolChairs();
        Offer withdrawn = chairs.withdraw(new Reason("the chairs broke"), SCHOOL_OFFICER, NOW)
                .state();
        assertThat(withdrawn.version()).isEqualTo(2);
        assertThatThrownBy(() -> withdrawn.claim(new ClaimId("c"), 1, reach(RIVER_SECRETARY), NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> chairs.claim(new ClaimId("c"), 1, reach(RIVER_SECRETARY), OPEN_MONTH.until()))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> chairs.withdraw(new Reason("no"), HOSPITAL_OFFICER, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> withdrawn.withdraw(new Reason("again"), SCHOOL_OFFICER, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anOfferMustStillBeValidWhenPublished() {
        Validity past = new Validity(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> Offer.publish(
                        new OfferId("o"), SCHOOL, EAST_TOWN, new Title("t"), TEN_CHAIRS, past, SCHOOL_OFFICER, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused ->
                                assertThat(refused.errors().getFirst().field()).isEqualTo("validUntil"));
    }

    @Test
    void theStoredRemainingQuantityCannotGoBelowZero() {
        Offer chairs = schoolChairs();
        assertThatThrownBy(() -> new Offer(
                        chairs.id(),
                        chairs.provider(),
                        chairs.providerKind(),
                        chairs.town(),
                        chairs.title(),
                        chairs.provision(),
                        chairs.validity(),
                        -1,
                        chairs.status(),
                        chairs.publishedAt(),
                        1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whoSeesAnOffer() {
        Offer chairs = schoolChairs();
        assertThat(ResourceAccess.maySeeOffer(reach(SCHOOL_OFFICER), chairs)).isTrue();
        assertThat(ResourceAccess.maySeeOffer(reach(RIVER_WORKER), chairs)).isTrue();
        assertThat(ResourceAccess.maySeeOffer(reach(EAST_DISPATCHER), chairs)).isTrue();
        assertThat(ResourceAccess.maySeeOffer(reach(COUNTY_LEADER), chairs)).isTrue();
        assertThat(ResourceAccess.maySeeOffer(reach(HILL_SECRETARY), chairs)).isFalse();
        assertThat(ResourceAccess.maySeeOffer(reach(HOSPITAL_OFFICER), chairs)).isFalse();
        assertThat(ResourceAccess.maySeeOffer(reach(WISHING_RESIDENT), chairs)).isFalse();
        assertThat(Role.UNIT_OFFICER.isStaff()).isTrue();
        assertThat(Role.PARTY_MEMBER.isStaff()).isFalse();
        assertThat(Optional.of(chairs.facts().community())).contains(Optional.empty());
    }
}
