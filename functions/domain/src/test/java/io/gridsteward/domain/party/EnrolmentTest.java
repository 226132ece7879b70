package io.gridsteward.domain.party;

import static io.gridsteward.domain.party.PartyFixture.CADRE;
import static io.gridsteward.domain.party.PartyFixture.HILL;
import static io.gridsteward.domain.party.PartyFixture.HILL_ONE;
import static io.gridsteward.domain.party.PartyFixture.HILL_SECRETARY;
import static io.gridsteward.domain.party.PartyFixture.LEADER;
import static io.gridsteward.domain.party.PartyFixture.MEMBER;
import static io.gridsteward.domain.party.PartyFixture.NOW;
import static io.gridsteward.domain.party.PartyFixture.OTHER_MEMBER;
import static io.gridsteward.domain.party.PartyFixture.RIVER;
import static io.gridsteward.domain.party.PartyFixture.RIVER_ONE;
import static io.gridsteward.domain.party.PartyFixture.RIVER_TWO;
import static io.gridsteward.domain.party.PartyFixture.SCHOOL;
import static io.gridsteward.domain.party.PartyFixture.SECRETARY;
import static io.gridsteward.domain.party.PartyFixture.TOWN;
import static io.gridsteward.domain.party.PartyFixture.inService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrolmentTest {

    private static final EnrolleeId MEMBER_ID = new EnrolleeId(MEMBER.userId());

    @Test
    void aMemberReportsInAndTheSecretaryPlacesThemInAGroup() {
        EnrolmentChange reported = Enrolment.reportIn(MEMBER_ID, inService(), RIVER, MEMBER, NOW);
        assertThat(reported.enrolment().status()).isEqualTo(EnrolmentStatus.REPORTED);
        assertThat(reported.enrolment().town()).isEqualTo(TOWN.id());
        assertThat(reported.event().type()).isEqualTo(EnrolmentEventType.REPORTED_IN);
        assertThat(reported.event().workplaceUnit()).contains(SCHOOL);

        EnrolmentChange confirmed =
                reported.enrolment().confirm(Optional.of(RIVER_ONE), SECRETARY, NOW.plusSeconds(60));

        assertThat(confirmed.enrolment().status()).isEqualTo(EnrolmentStatus.CONFIRMED);
        assertThat(confirmed.enrolment().group()).contains(new GridId("grid-river-1"));
        assertThat(confirmed.event().from()).contains(EnrolmentStatus.REPORTED);
        assertThat(confirmed.event().sequence()).isEqualTo(2);
    }

    @Test
    void eventsCarryNoContactDetails() {
        EnrolmentEvent event =
                Enrolment.reportIn(MEMBER_ID, inService(), RIVER, MEMBER, NOW).event();
        assertThat(event.toString()).doesNotContain("13800000000");
    }

    @Test
    void movesBetweenGroupsAndCommunitiesKeepTheirHistory() {
        Enrolment confirmed = PartyFixture.confirmedMember(MEMBER);

        EnrolmentChange moved = confirmed.move(RIVER_TWO, "lives in block 7 now", SECRETARY, NOW.plusSeconds(120));
        assertThat(moved.enrolment().group()).contains(new GridId("grid-river-2"));
        assertThat(moved.event().previousGroup()).contains(new GridId("grid-river-1"));
        assertThat(moved.event().reason()).contains("lives in block 7 now");

        EnrolmentChange transferred = moved.enrolment().transfer(HILL, MEMBER, NOW.plusSeconds(180));
        assertThat(transferred.enrolment().status()).isEqualTo(EnrolmentStatus.REPORTED);
        assertThat(transferred.enrolment().community()).isEqualTo(HILL.id());
        assertThat(transferred.enrolment().group()).isEmpty();
        assertThat(transferred.event().previousCommunity()).contains(RIVER.id());
        assertThat(transferred.event().previousGroup()).contains(new GridId("grid-river-2"));

        assertThatThrownBy(() -> transferred.enrolment().confirm(Optional.of(HILL_ONE), SECRETARY, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThat(transferred
                        .enrolment()
                        .confirm(Optional.of(HILL_ONE), HILL_SECRETARY, NOW)
                        .enrolment()
                        .version())
                .isEqualTo(5);
    }

    @Test
    void aGroupMustBeAGridOfTheCommunityAndDifferentOnAMove() {
        Enrolment reported =
                Enrolment.reportIn(MEMBER_ID, inService(), RIVER, MEMBER, NOW).enrolment();
        assertThatThrownBy(() -> reported.confirm(Optional.of(HILL_ONE), SECRETARY, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting("field")
                                .containsExactly("groupId"));
        assertThatThrownBy(() -> reported.confirm(Optional.empty(), SECRETARY, NOW))
                .isInstanceOf(ValidationException.class);
        Enrolment confirmed = PartyFixture.confirmedMember(MEMBER);
        assertThatThrownBy(() -> confirmed.move(RIVER_ONE, "same", SECRETARY, NOW))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void onlyTheCommunitysSecretaryPlacesAndOnlyFromReported() {
        Enrolment reported =
                Enrolment.reportIn(MEMBER_ID, inService(), RIVER, MEMBER, NOW).enrolment();
        assertThatThrownBy(() -> reported.confirm(Optional.of(RIVER_ONE), LEADER, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> reported.confirm(Optional.of(RIVER_ONE), MEMBER, NOW))
                .isInstanceOf(ForbiddenException.class);
        Enrolment declined =
                reported.decline("does not live here", SECRETARY, NOW).enrolment();
        assertThat(declined.status()).isEqualTo(EnrolmentStatus.DECLINED);
        assertThatThrownBy(() -> declined.confirm(Optional.of(RIVER_ONE), SECRETARY, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> declined.renew(MEMBER, NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void peopleReportThemselvesInAndUnitsThroughTheSecretaryOrTheirStaff() {
        assertThatThrownBy(() -> Enrolment.reportIn(MEMBER_ID, inService(), RIVER, OTHER_MEMBER, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Enrolment.reportIn(new EnrolleeId(CADRE.userId()), inService(), RIVER, CADRE, NOW))
                .isInstanceOf(ForbiddenException.class);
        EnrolmentRequest unit = new EnrolmentRequest(
                EnrolleeKind.UNIT,
                Optional.empty(),
                List.of(),
                List.of(ActivityKind.SERVICE),
                Optional.of("Ms Li, office"));
        Enrolment school = Enrolment.reportIn(new EnrolleeId(SCHOOL.value()), unit, RIVER, SECRETARY, NOW)
                .enrolment();
        assertThat(school.confirm(Optional.empty(), SECRETARY, NOW).enrolment().group())
                .isEmpty();
        assertThatThrownBy(() -> school.confirm(Optional.of(RIVER_ONE), SECRETARY, NOW))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Enrolment.reportIn(MEMBER_ID, inService(), RIVER_ONE, MEMBER, NOW))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting("field")
                                .containsExactly("communityId"));
        Caller schoolOfficer = Caller.staff("officer-school", Role.UNIT_OFFICER, SCHOOL);
        Caller hospitalOfficer =
                Caller.staff("officer-hospital", Role.UNIT_OFFICER, new OrganisationId("unit-hospital"));
        assertThat(Enrolment.reportIn(new EnrolleeId(SCHOOL.value()), unit, RIVER, schoolOfficer, NOW)
                        .event()
                        .actor())
                .isEqualTo(schoolOfficer);
        assertThatThrownBy(() -> Enrolment.reportIn(new EnrolleeId(SCHOOL.value()), unit, RIVER, hospitalOfficer, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Enrolment.reportIn(
                        new EnrolleeId(schoolOfficer.userId()), inService(), RIVER, schoolOfficer, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aPartyMembersTokenReportsItsHolderInAndNobodyElse() {
        Caller partyMember = Caller.staff("member-3", Role.PARTY_MEMBER, RIVER.id());

        EnrolmentChange reported = Enrolment.reportIn(new EnrolleeId("member-3"), inService(), RIVER, partyMember, NOW);

        assertThat(reported.enrolment().status()).isEqualTo(EnrolmentStatus.REPORTED);
        assertThatThrownBy(() -> Enrolment.reportIn(MEMBER_ID, inService(), RIVER, partyMember, NOW))
                .isInstanceOf(ForbiddenException.class);
        EnrolmentRequest unit = new EnrolmentRequest(
                EnrolleeKind.UNIT, Optional.empty(), List.of(), List.of(ActivityKind.SERVICE), Optional.of("Mr Wu"));
        assertThatThrownBy(() -> Enrolment.reportIn(new EnrolleeId(SCHOOL.value()), unit, RIVER, partyMember, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aRequestNamesEveryBadField() {
        assertThatThrownBy(() -> new EnrolmentRequest(
                        EnrolleeKind.IN_SERVICE_MEMBER, Optional.empty(), List.of(" "), List.of(), Optional.of("")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting("field")
                                .containsExactly("workplaceUnitId", "skills[0]", "contact"));
    }

    @Test
    void aRenewalKeepsThePlacementAndRecordsTheReport() {
        Enrolment confirmed = PartyFixture.confirmedMember(MEMBER);
        EnrolmentChange renewed = confirmed.renew(MEMBER, NOW.plusSeconds(86_400));
        assertThat(renewed.enrolment().group()).isEqualTo(confirmed.group());
        assertThat(renewed.enrolment().lastReportedAt()).isEqualTo(NOW.plusSeconds(86_400));
        assertThat(renewed.event().isReport()).isTrue();
    }
}
