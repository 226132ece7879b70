package io.gridsteward.domain.party;

import static io.gridsteward.domain.party.PartyFixture.CENTRE;
import static io.gridsteward.domain.party.PartyFixture.LEADER;
import static io.gridsteward.domain.party.PartyFixture.MEMBER;
import static io.gridsteward.domain.party.PartyFixture.NOW;
import static io.gridsteward.domain.party.PartyFixture.OTHER_LEADER;
import static io.gridsteward.domain.party.PartyFixture.OTHER_MEMBER;
import static io.gridsteward.domain.party.PartyFixture.RIVER;
import static io.gridsteward.domain.party.PartyFixture.RIVER_ONE;
import static io.gridsteward.domain.party.PartyFixture.SECRETARY;
import static io.gridsteward.domain.party.PartyFixture.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityTest {

    private static final ActivityDraft DRAFT =
            new ActivityDraft(ActivityKind.SERVICE, "Haircuts for the elderly", WINDOW, new Geofence(CENTRE, 80), 2);

    @Test
    void aGroupsLeaderOrTheCommunitysSecretaryPublishes() {
        Activity byLeader = Activity.publish(new ActivityId("a-1"), DRAFT, RIVER_ONE, LEADER, NOW);
        assertThat(byLeader.grid()).map(grid -> grid.value()).contains("grid-river-1");
        assertThat(byLeader.community()).isEqualTo(RIVER.id());
        assertThat(Activity.publish(new ActivityId("a-2"), DRAFT, RIVER, SECRETARY, NOW)
                        .grid())
                .isEmpty();
        assertThat(Activity.publish(new ActivityId("a-3"), DRAFT, RIVER_ONE, SECRETARY, NOW)
                        .organiser())
                .isEqualTo(RIVER_ONE.id());
        assertThatThrownBy(() -> Activity.publish(new ActivityId("a-4"), DRAFT, RIVER_ONE, OTHER_LEADER, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Activity.publish(new ActivityId("a-5"), DRAFT, RIVER, LEADER, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Activity.publish(new ActivityId("a-6"), DRAFT, RIVER, SECRETARY, WINDOW.endsAt()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting("field")
                                .containsExactly("endsAt"));
    }

    @Test
    void aDraftNamesEveryBadField() {
        assertThatThrownBy(() -> new ActivityDraft(ActivityKind.SERVICE, "", WINDOW, new Geofence(CENTRE, 80), 0))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting("field")
                                .containsExactly("title", "capacity"));
        assertThatThrownBy(() -> new ActivityWindow(WINDOW.endsAt(), WINDOW.startsAt()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aConfirmedPersonSignsThemselvesUpWhileThereIsRoom() {
        Activity activity = Activity.publish(new ActivityId("a-1"), DRAFT, RIVER_ONE, LEADER, NOW);
        Enrolment member = PartyFixture.confirmedMember(MEMBER);

        assertThat(activity.signUp(member, MEMBER, NOW).enrolleeId().value()).isEqualTo("member-1");
        assertThatThrownBy(() -> activity.signUp(member, OTHER_MEMBER, NOW)).isInstanceOf(ForbiddenException.class);
        Activity full = new Activity(
                activity.id(),
                activity.kind(),
                activity.title(),
                activity.organiser(),
                activity.community(),
                activity.town(),
                activity.grid(),
                activity.window(),
                activity.fence(),
                2,
                2,
                activity.publishedBy(),
                activity.publishedAt());
        assertThatThrownBy(() -> full.signUp(member, MEMBER, NOW))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        exception -> assertThat(exception.currentState()).isEqualTo("FULL"));
        assertThatThrownBy(() -> activity.signUp(member, MEMBER, WINDOW.endsAt()))
                .isInstanceOf(IllegalTransitionException.class);
        Enrolment reported = Enrolment.reportIn(
                        new EnrolleeId("member-2"), PartyFixture.inService(), RIVER, OTHER_MEMBER, NOW)
                .enrolment();
        assertThatThrownBy(() -> activity.signUp(reported, OTHER_MEMBER, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> new Activity(
                        activity.id(),
                        activity.kind(),
                        activity.title(),
                        activity.organiser(),
                        activity.community(),
                        activity.town(),
                        Optional.empty(),
                        activity.window(),
                        activity.fence(),
                        2,
                        3,
                        "x",
                        NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
