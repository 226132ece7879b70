package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An activity a community or a grid party group publishes (service, patrol, meeting, volunteer duty): its window, its
 * geofence and its capacity. {@code signedUp} is a counter the store only ever raises with a condition against
 * {@code capacity} in the sign-up's own transaction, so it never exceeds it whatever the concurrency.
 */
public record Activity(
        ActivityId id,
        ActivityKind kind,
        String title,
        OrganisationId organiser,
        OrganisationId community,
        OrganisationId town,
        Optional<GridId> grid,
        ActivityWindow window,
        Geofence fence,
        int capacity,
        int signedUp,
        String publishedBy,
        Instant publishedAt) {

    static final String KIND = "activity";

    public Activity {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(title, "title");
        requireNonNull(organiser, "organiser");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
        requireNonNull(grid, "grid");
        requireNonNull(window, "window");
        requireNonNull(fence, "fence");
        requireNonNull(publishedBy, "publishedBy");
        publishedAt = publishedAt.truncatedTo(ChronoUnit.MILLIS);
        if (signedUp < 0 || signedUp > capacity) {
            throw new IllegalArgumentException("signedUp lies between 0 and the capacity");
        }
    }

    /** A community (its secretary) or a grid party group (its leader) publishes an activity that has not ended yet. */
    public static Activity publish(ActivityId id, ActivityDraft draft, Organisation organiser, Caller by, Instant at) {
        if (!PartyAccess.mayOrganise(by, organiser)) {
            throw new ForbiddenException("%s may not publish activities of %s"
                    .formatted(by.role(), organiser.id().value()));
        }
        if (!draft.window().endsAt().isAfter(at)) {
            throw ValidationException.of("endsAt", "must lie in the future");
        }
        return switch (organiser.kind()) {
            case COMMUNITY ->
                new Activity(
                        id,
                        draft.kind(),
                        draft.title().strip(),
                        organiser.id(),
                        organiser.id(),
                        organiser.town().orElseThrow(),
                        Optional.empty(),
                        draft.window(),
                        draft.fence(),
                        draft.capacity(),
                        0,
                        by.userId(),
                        at);
            case GRID ->
                new Activity(
                        id,
                        draft.kind(),
                        draft.title().strip(),
                        organiser.id(),
                        organiser.communityId().orElseThrow(),
                        organiser.town().orElseThrow(),
                        Optional.of(new GridId(organiser.id().value())),
                        draft.window(),
                        draft.fence(),
                        draft.capacity(),
                        0,
                        by.userId(),
                        at);
            case COUNTY, TOWN, DEPARTMENT, UNIT ->
                throw ValidationException.of("organiserId", "must be a community or a grid party group");
        };
    }

    /**
     * A confirmed person takes a place for themselves. Refused when the activity is full as read; the store refuses it
     * again, atomically, when others took the last places in the meantime.
     */
    public SignUp signUp(Enrolment enrolment, Caller by, Instant at) {
        if (!PartyAccess.isEnrollee(by, enrolment.id())) {
            throw new ForbiddenException("a sign-up is made by the member themselves");
        }
        if (!enrolment.kind().isPerson() || enrolment.status() != EnrolmentStatus.CONFIRMED) {
            throw new IllegalTransitionException(
                    Enrolment.KIND, enrolment.id().value(), enrolment.status().name(), "sign-up");
        }
        if (!at.isBefore(window.endsAt())) {
            throw new IllegalTransitionException(KIND, id.value(), "ENDED", "sign-up");
        }
        if (isFull()) {
            throw new IllegalTransitionException(KIND, id.value(), "FULL", "sign-up");
        }
        return new SignUp(id, enrolment.id(), enrolment.kind(), at);
    }

    public boolean isFull() {
        return signedUp >= capacity;
    }

    public ActivityFacts facts() {
        return new ActivityFacts(kind, organiser, community, town, grid, window);
    }
}
