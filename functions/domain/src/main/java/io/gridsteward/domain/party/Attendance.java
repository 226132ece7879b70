package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One person's presence at one activity and its two ledgers: <b>credited</b> minutes come only from check-in and
 * check-out (capped by the activity's window, and only when presence covers the county's share of it); <b>certified</b>
 * minutes are the organiser's correction, never more than the activity lasts. Immutable; every step comes with its
 * event ({@link AttendanceChange}).
 */
public record Attendance(
        ActivityId activityId,
        EnrolleeId enrolleeId,
        EnrolleeKind enrolleeKind,
        ActivityFacts activity,
        AttendanceStatus status,
        Instant checkedInAt,
        Optional<Instant> checkedOutAt,
        String checkInNonce,
        long presentMinutes,
        long creditedMinutes,
        OptionalLong certifiedMinutes,
        long version,
        Instant updatedAt) {

    static final String KIND = "attendance";

    public Attendance {
        requireNonNull(activityId, "activityId");
        requireNonNull(enrolleeId, "enrolleeId");
        requireNonNull(enrolleeKind, "enrolleeKind");
        requireNonNull(activity, "activity");
        requireNonNull(status, "status");
        checkedInAt = checkedInAt.truncatedTo(ChronoUnit.MILLIS);
        checkedOutAt = checkedOutAt.map(at -> at.truncatedTo(ChronoUnit.MILLIS));
        requireNonNull(checkInNonce, "checkInNonce");
        requireNonNull(certifiedMinutes, "certifiedMinutes");
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        if (status.isOpen() == checkedOutAt.isPresent()) {
            throw new IllegalArgumentException("an open attendance has no check-out, a closed one has");
        }
        if (creditedMinutes < 0
                || creditedMinutes > presentMinutes
                || presentMinutes > activity.window().minutes()) {
            throw new IllegalArgumentException("credited minutes lie within presence, presence within the window");
        }
        if (certifiedMinutes.isPresent()
                && (certifiedMinutes.getAsLong() < 0
                        || certifiedMinutes.getAsLong() > activity.window().minutes())) {
            throw new IllegalArgumentException("certified minutes lie within the window");
        }
    }

    /**
     * The check-in of the caller, who signed up: a genuine, fresh token of this activity, a position inside the fence,
     * within the window (from the margin before its start). {@code existing} is the caller's attendance as read: a
     * second check-in is refused.
     */
    public static AttendanceChange checkIn(
            Activity activity,
            Optional<SignUp> signUp,
            Optional<Attendance> existing,
            CheckInTokens tokens,
            String token,
            Location position,
            Caller by,
            Instant at,
            PartyRules rules) {
        EnrolleeId enrollee = new EnrolleeId(by.userId());
        if (by.role() == Role.SYSTEM) {
            throw new ForbiddenException("a check-in is made by the member themselves");
        }
        if (existing.isPresent()) {
            throw new IllegalTransitionException(
                    KIND, key(activity.id(), enrollee), existing.get().status().name(), "check-in");
        }
        SignUp place =
                signUp.orElseThrow(() -> new ForbiddenException("only someone signed up for the activity checks in"));
        String nonce = tokens.verify(token, activity.id(), at);
        ActivityWindow window = activity.window();
        if (at.isBefore(window.startsAt().minus(rules.checkInMargin()))) {
            throw new IllegalTransitionException(Activity.KIND, activity.id().value(), "NOT_STARTED", "check-in");
        }
        if (!at.isBefore(window.endsAt())) {
            throw new IllegalTransitionException(Activity.KIND, activity.id().value(), "ENDED", "check-in");
        }
        requireInside(activity.fence(), position);
        Attendance attendance = new Attendance(
                activity.id(),
                enrollee,
                place.kind(),
                activity.facts(),
                AttendanceStatus.CHECKED_IN,
                at,
                Optional.empty(),
                nonce,
                0,
                0,
                OptionalLong.empty(),
                1,
                at);
        return attendance.changed(attendance, AttendanceEventType.CHECKED_IN, by, at, Optional.empty());
    }

    /**
     * The member's own check-out: a fresh token (not the one they checked in with), inside the fence, before the margin
     * after the end runs out (then the auto check-out has closed it at the end).
     */
    public AttendanceChange checkOut(
            Geofence fence,
            CheckInTokens tokens,
            String token,
            Location position,
            Caller by,
            Instant at,
            PartyRules rules) {
        if (!PartyAccess.isEnrollee(by, enrolleeId)) {
            throw new ForbiddenException("a check-out is made by the member themselves");
        }
        requireOpen("check-out");
        String nonce = tokens.verify(token, activityId, at);
        if (nonce.equals(checkInNonce)) {
            throw ValidationException.of(
                    "token", "was used already for the check-in: scan the code on the organiser's screen again");
        }
        if (at.isAfter(activity.window().endsAt().plus(rules.checkInMargin()))) {
            throw new IllegalTransitionException(Activity.KIND, activityId.value(), "ENDED", "check-out");
        }
        requireInside(fence, position);
        return closed(AttendanceStatus.CHECKED_OUT, AttendanceEventType.CHECKED_OUT, at, by, at, rules);
    }

    /** The auto check-out job closes a forgotten check-out at the activity's end: hours up to the end, no further. */
    public AttendanceChange autoCheckOut(Instant now, PartyRules rules) {
        requireOpen("auto check-out");
        if (now.isBefore(activity.window().endsAt())) {
            throw new IllegalTransitionException(Activity.KIND, activityId.value(), "RUNNING", "auto check-out");
        }
        return closed(
                AttendanceStatus.AUTO_CHECKED_OUT,
                AttendanceEventType.AUTO_CHECKED_OUT,
                activity.window().endsAt(),
                Caller.system(),
                now,
                rules);
    }

    /** The organiser's correction of the certified ledger, with who and why; at most the activity's length. */
    public AttendanceChange certify(long minutes, String reason, Caller by, Instant at) {
        if (!PartyAccess.mayCertify(by, activity)) {
            throw new ForbiddenException("%s may not certify hours of activities of %s"
                    .formatted(by.role(), activity.organiser().value()));
        }
        if (status.isOpen()) {
            throw new IllegalTransitionException(KIND, key(activityId, enrolleeId), status.name(), "certify");
        }
        if (minutes < 0 || minutes > activity.window().minutes()) {
            throw ValidationException.of(
                    "minutes",
                    "must be 0 to %d, the activity's length"
                            .formatted(activity.window().minutes()));
        }
        String why = Enrolment.validReason(reason);
        Attendance next = new Attendance(
                activityId,
                enrolleeId,
                enrolleeKind,
                activity,
                status,
                checkedInAt,
                checkedOutAt,
                checkInNonce,
                presentMinutes,
                creditedMinutes,
                OptionalLong.of(minutes),
                version + 1,
                at);
        return changed(next, AttendanceEventType.CERTIFIED, by, at, Optional.of(why));
    }

    /** The minutes this attendance counts for: the organiser's certification where there is one, else the credited ones. */
    public long countedMinutes() {
        return certifiedMinutes.orElse(creditedMinutes);
    }

    /** The attendance's id within its activity, as refusals name it. */
    public static String key(ActivityId activity, EnrolleeId enrollee) {
        return activity.value() + "/" + enrollee.value();
    }

    private AttendanceChange closed(
            AttendanceStatus closedAs,
            AttendanceEventType type,
            Instant checkedOut,
            Caller by,
            Instant at,
            PartyRules rules) {
        ActivityWindow window = activity.window();
        long present = window.minutesWithin(checkedInAt, checkedOut);
        long credited = rules.presenceCounts(present, window.minutes()) ? present : 0;
        Attendance next = new Attendance(
                activityId,
                enrolleeId,
                enrolleeKind,
                activity,
                closedAs,
                checkedInAt,
                Optional.of(checkedOut),
                checkInNonce,
                present,
                credited,
                certifiedMinutes,
                version + 1,
                at);
        return changed(next, type, by, at, Optional.empty());
    }

    private void requireOpen(String step) {
        if (!status.isOpen()) {
            throw new IllegalTransitionException(KIND, key(activityId, enrolleeId), status.name(), step);
        }
    }

    private static void requireInside(Geofence fence, Location position) {
        if (!fence.contains(position)) {
            throw ValidationException.of(
                    "position",
                    "lies %.1f m from the activity, outside its %d m fence"
                            .formatted(Geofence.distanceMetres(fence.centre(), position), fence.radiusMetres()));
        }
    }

    private AttendanceChange changed(
            Attendance next, AttendanceEventType type, Caller by, Instant at, Optional<String> reason) {
        AttendanceEvent event = new AttendanceEvent(
                AttendanceEvent.idFor(activityId, enrolleeId, next.version()),
                activityId,
                enrolleeId,
                enrolleeKind,
                next.version(),
                type,
                at.truncatedTo(ChronoUnit.MILLIS),
                by,
                activity,
                next.checkedInAt(),
                next.checkedOutAt(),
                next.presentMinutes(),
                next.creditedMinutes(),
                next.certifiedMinutes(),
                reason);
        return new AttendanceChange(next, event);
    }
}
