package io.gridsteward.domain.party;

import static io.gridsteward.domain.party.PartyFixture.CENTRE;
import static io.gridsteward.domain.party.PartyFixture.LEADER;
import static io.gridsteward.domain.party.PartyFixture.MEMBER;
import static io.gridsteward.domain.party.PartyFixture.OTHER_LEADER;
import static io.gridsteward.domain.party.PartyFixture.OTHER_MEMBER;
import static io.gridsteward.domain.party.PartyFixture.RULES;
import static io.gridsteward.domain.party.PartyFixture.SECRETARY;
import static io.gridsteward.domain.party.PartyFixture.WINDOW;
import static io.gridsteward.domain.party.PartyFixture.at;
import static io.gridsteward.domain.party.PartyFixture.north;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttendanceTest {

    private final CheckInTokens tokens = PartyFixture.tokens();
    private final Activity activity = PartyFixture.activity(30);
    private final SignUp signUp = activity.signUp(PartyFixture.confirmedMember(MEMBER), MEMBER, PartyFixture.NOW);

    @Test
    void aCheckInAndOutCreditTheMinutesPresentWithinTheWindow() {
        Attendance in = checkIn(at(Duration.ofMinutes(-10))).attendance();
        AttendanceChange out = in.checkOut(
                activity.fence(),
                tokens,
                token(at(Duration.ofMinutes(100))),
                CENTRE,
                MEMBER,
                at(Duration.ofMinutes(100)),
                RULES);

        assertThat(out.attendance().status()).isEqualTo(AttendanceStatus.CHECKED_OUT);
        assertThat(out.attendance().presentMinutes()).isEqualTo(100);
        assertThat(out.attendance().creditedMinutes()).isEqualTo(100);
        assertThat(out.attendance().certifiedMinutes()).isEmpty();
        assertThat(out.event().type()).isEqualTo(AttendanceEventType.CHECKED_OUT);
        assertThat(out.event().sequence()).isEqualTo(2);
        assertThat(out.event().actor()).isEqualTo(MEMBER);
    }

    @Test
    void hoursCountOnlyWhenPresenceCoversTheConfiguredShare() {
        // 60 % of 120 minutes is 72: 72 counts, 71 does not.
        Attendance late = checkIn(at(Duration.ofMinutes(48))).attendance();
        assertThat(late.checkOut(
                                activity.fence(),
                                tokens,
                                token(WINDOW.endsAt()),
                                CENTRE,
                                MEMBER,
                                WINDOW.endsAt(),
                                RULES)
                        .attendance())
                .extracting(Attendance::presentMinutes, Attendance::creditedMinutes)
                .containsExactly(72L, 72L);
        Attendance later = checkIn(at(Duration.ofMinutes(49))).attendance();
        assertThat(later.checkOut(
                                activity.fence(),
                                tokens,
                                token(WINDOW.endsAt()),
                                CENTRE,
                                MEMBER,
                                WINDOW.endsAt(),
                                RULES)
                        .attendance())
                .extracting(Attendance::presentMinutes, Attendance::creditedMinutes)
                .containsExactly(71L, 0L);
    }

    @Test
    void theWindowAllowsTheMarginBeforeTheStartAndNotOneSecondMore() {
        assertThat(checkIn(at(RULES.checkInMargin().negated())).attendance().status())
                .isEqualTo(AttendanceStatus.CHECKED_IN);
        assertThatThrownBy(() -> checkIn(at(RULES.checkInMargin().negated().minusSeconds(1))))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        exception -> assertThat(exception.currentState()).isEqualTo("NOT_STARTED"));
        assertThatThrownBy(() -> checkIn(WINDOW.endsAt()))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        exception -> assertThat(exception.currentState()).isEqualTo("ENDED"));
    }

    @Test
    void aPositionOneMetreOutsideTheFenceIsRefusedAndOneMetreInsideAccepted() {
        Instant now = at(Duration.ZERO);
        assertThatThrownBy(() -> checkIn(now, north(CENTRE, 101)))
                .isInstanceOfSatisfying(ValidationException.class, exception -> {
                    assertThat(exception.errors()).extracting("field").containsExactly("position");
                    assertThat(exception.getMessage()).contains("101.0 m");
                });
        assertThat(checkIn(now, north(CENTRE, 99)).attendance().status()).isEqualTo(AttendanceStatus.CHECKED_IN);
    }

    @Test
    void aSecondCheckInAndACheckInWithoutSignUpAreRefused() {
        Attendance in = checkIn(at(Duration.ZERO)).attendance();
        Instant now = at(Duration.ofMinutes(1));
        assertThatThrownBy(() -> Attendance.checkIn(
                        activity, Optional.of(signUp), Optional.of(in), tokens, token(now), CENTRE, MEMBER, now, RULES))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        exception -> assertThat(exception.currentState()).isEqualTo("CHECKED_IN"));
        assertThatThrownBy(() -> Attendance.checkIn(
                        activity,
                        Optional.empty(),
                        Optional.empty(),
                        tokens,
                        token(now),
                        CENTRE,
                        OTHER_MEMBER,
                        now,
                        RULES))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void expiredForgedAndReplayedTokensAreRefused() {
        Instant now = at(Duration.ZERO);
        String stale = token(now.minusSeconds(31));
        assertThatThrownBy(() -> Attendance.checkIn(
                        activity, Optional.of(signUp), Optional.empty(), tokens, stale, CENTRE, MEMBER, now, RULES))
                .hasMessageContaining("expired");
        String forged = token(now).substring(0, 20) + "x" + token(now).substring(21);
        assertThatThrownBy(() -> Attendance.checkIn(
                        activity, Optional.of(signUp), Optional.empty(), tokens, forged, CENTRE, MEMBER, now, RULES))
                .isInstanceOf(ValidationException.class);

        String shown = token(now);
        Attendance in = Attendance.checkIn(
                        activity, Optional.of(signUp), Optional.empty(), tokens, shown, CENTRE, MEMBER, now, RULES)
                .attendance();
        assertThatThrownBy(
                        () -> in.checkOut(activity.fence(), tokens, shown, CENTRE, MEMBER, now.plusSeconds(10), RULES))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.getMessage()).contains("used already"));
    }

    @Test
    void aCheckOutNeedsAnOpenCheckInByTheMemberAndNotAfterTheMargin() {
        Attendance in = checkIn(at(Duration.ZERO)).attendance();
        Instant end = WINDOW.endsAt();
        Attendance out = in.checkOut(activity.fence(), tokens, token(end), CENTRE, MEMBER, end, RULES)
                .attendance();
        assertThatThrownBy(() -> out.checkOut(activity.fence(), tokens, token(end), CENTRE, MEMBER, end, RULES))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        exception -> assertThat(exception.currentState()).isEqualTo("CHECKED_OUT"));
        assertThatThrownBy(() -> in.checkOut(activity.fence(), tokens, token(end), CENTRE, OTHER_MEMBER, end, RULES))
                .isInstanceOf(ForbiddenException.class);
        Instant tooLate = end.plus(RULES.checkInMargin()).plusSeconds(1);
        assertThatThrownBy(() -> in.checkOut(activity.fence(), tokens, token(tooLate), CENTRE, MEMBER, tooLate, RULES))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        exception -> assertThat(exception.currentState()).isEqualTo("ENDED"));
        Instant withinMargin = end.plus(RULES.checkInMargin());
        assertThat(in.checkOut(activity.fence(), tokens, token(withinMargin), CENTRE, MEMBER, withinMargin, RULES)
                        .attendance()
                        .creditedMinutes())
                .as("hours capped by the window")
                .isEqualTo(120);
    }

    @Test
    void theAutoCheckOutClosesAForgottenCheckOutAtTheEndWithCappedHours() {
        Attendance in = checkIn(at(Duration.ofMinutes(-5))).attendance();
        assertThatThrownBy(() -> in.autoCheckOut(WINDOW.endsAt().minusSeconds(1), RULES))
                .isInstanceOf(IllegalTransitionException.class);

        AttendanceChange closed = in.autoCheckOut(WINDOW.endsAt().plus(Duration.ofHours(6)), RULES);

        assertThat(closed.attendance().status()).isEqualTo(AttendanceStatus.AUTO_CHECKED_OUT);
        assertThat(closed.attendance().checkedOutAt()).contains(WINDOW.endsAt());
        assertThat(closed.attendance().creditedMinutes()).isEqualTo(120);
        assertThat(closed.event().actor()).isEqualTo(Caller.system());
        assertThat(closed.event().type()).isEqualTo(AttendanceEventType.AUTO_CHECKED_OUT);
        assertThatThrownBy(
                        () -> closed.attendance().autoCheckOut(WINDOW.endsAt().plus(Duration.ofHours(7)), RULES))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void theOrganiserCertifiesWithAReasonNeverMoreThanTheActivityLasts() {
        Attendance closed = checkIn(at(Duration.ofMinutes(90)))
                .attendance()
                .autoCheckOut(WINDOW.endsAt(), RULES)
                .attendance();
        assertThat(closed.creditedMinutes())
                .as("30 of 120 minutes is under the share")
                .isZero();

        AttendanceChange certified = closed.certify(
                110,
                "came early to set up; forgot to check in",
                LEADER,
                WINDOW.endsAt().plusSeconds(60));

        assertThat(certified.attendance().certifiedMinutes()).hasValue(110);
        assertThat(certified.attendance().creditedMinutes())
                .as("the credited ledger is untouched")
                .isZero();
        assertThat(certified.attendance().countedMinutes()).isEqualTo(110);
        assertThat(certified.event().reason()).contains("came early to set up; forgot to check in");
        assertThat(certified.event().actor()).isEqualTo(LEADER);
        assertThat(closed.certify(120, "all of it", SECRETARY, WINDOW.endsAt())
                        .attendance()
                        .certifiedMinutes())
                .hasValue(120);
        assertThatThrownBy(() -> closed.certify(121, "more than it lasted", LEADER, WINDOW.endsAt()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting("field")
                                .containsExactly("minutes"));
        assertThatThrownBy(() -> closed.certify(60, " ", LEADER, WINDOW.endsAt()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting("field")
                                .containsExactly("reason"));
        assertThatThrownBy(() -> closed.certify(60, "not mine", OTHER_LEADER, WINDOW.endsAt()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> closed.certify(60, "myself", MEMBER, WINDOW.endsAt()))
                .isInstanceOf(ForbiddenException.class);
        Attendance open = checkIn(at(Duration.ZERO)).attendance();
        assertThatThrownBy(() -> open.certify(60, "still open", LEADER, WINDOW.endsAt()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void sunkStaffCheckInTheSameWay() {
        Enrolment cadre = Enrolment.reportIn(
                        new EnrolleeId(PartyFixture.CADRE.userId()),
                        new EnrolmentRequest(
                                EnrolleeKind.SUNK_STAFF, Optional.empty(), List.of(), List.of(), Optional.empty()),
                        PartyFixture.RIVER,
                        PartyFixture.CADRE,
                        PartyFixture.NOW)
                .enrolment()
                .confirm(Optional.of(PartyFixture.RIVER_ONE), SECRETARY, PartyFixture.NOW)
                .enrolment();
        SignUp place = activity.signUp(cadre, PartyFixture.CADRE, PartyFixture.NOW);
        Instant now = at(Duration.ZERO);

        AttendanceChange in = Attendance.checkIn(
                activity,
                Optional.of(place),
                Optional.empty(),
                tokens,
                token(now),
                CENTRE,
                PartyFixture.CADRE,
                now,
                RULES);

        assertThat(in.event().enrolleeKind()).isEqualTo(EnrolleeKind.SUNK_STAFF);
        assertThat(in.event().activity().grid()).contains(new GridId("grid-river-1"));
    }

    private AttendanceChange checkIn(Instant now) {
        return checkIn(now, CENTRE);
    }

    private AttendanceChange checkIn(Instant now, Location position) {
        return Attendance.checkIn(
                activity, Optional.of(signUp), Optional.empty(), tokens, token(now), position, MEMBER, now, RULES);
    }

    private String token(Instant now) {
        return tokens.issue(activity.id(), now).value();
    }
}
