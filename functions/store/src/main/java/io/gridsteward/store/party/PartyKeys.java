package io.gridsteward.store.party;

import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.store.core.Keys;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every key of the party-member context (the store README's party access patterns). */
final class PartyKeys {

    static final String ENROLMENT_PREFIX = "ENROLMENT#";
    static final String ACTIVITY_PREFIX = "ACTIVITY#";
    static final String ENROLMENT_SORT = "ENROLMENT";
    static final String ACTIVITY_SORT = "ACTIVITY";
    static final String SIGN_UP_SORT_PREFIX = "SIGNUP#";
    static final String ATTENDANCE_SORT_PREFIX = "ATTENDANCE#";
    static final String ATTENDANCE_EVENT_SORT_PREFIX = "ATTENDANCE_EVENT#";

    private PartyKeys() {}

    static String enrolmentPartition(EnrolleeId id) {
        return ENROLMENT_PREFIX + id.value();
    }

    static Map<String, AttributeValue> enrolment(EnrolleeId id) {
        return Keys.key(enrolmentPartition(id), ENROLMENT_SORT);
    }

    static Map<String, AttributeValue> enrolmentEvent(EnrolleeId id, long sequence) {
        return Keys.key(enrolmentPartition(id), Keys.eventSort(sequence));
    }

    static String activityPartition(ActivityId id) {
        return ACTIVITY_PREFIX + id.value();
    }

    static Map<String, AttributeValue> activity(ActivityId id) {
        return Keys.key(activityPartition(id), ACTIVITY_SORT);
    }

    static Map<String, AttributeValue> signUp(ActivityId activity, EnrolleeId enrollee) {
        return Keys.key(activityPartition(activity), SIGN_UP_SORT_PREFIX + enrollee.value());
    }

    static Map<String, AttributeValue> attendance(ActivityId activity, EnrolleeId enrollee) {
        return Keys.key(activityPartition(activity), ATTENDANCE_SORT_PREFIX + enrollee.value());
    }

    static Map<String, AttributeValue> attendanceEvent(ActivityId activity, EnrolleeId enrollee, long sequence) {
        return Keys.key(
                activityPartition(activity),
                ATTENDANCE_EVENT_SORT_PREFIX + enrollee.value() + "#" + "%06d".formatted(sequence));
    }

    static Map<String, AttributeValue> idempotency(String callerId, String key) {
        return Keys.key("PARTY_IDEMPOTENCY#" + callerId + "#" + key, Keys.IDEMPOTENCY_SORT);
    }

    /** gsi1: a community's enrolments, by kind. */
    static String enrolledIn(OrganisationId community) {
        return "ENROLLED#" + community.value();
    }

    /** gsi1: a community's activities (its own and its groups'), by start. */
    static String activitiesOf(OrganisationId community) {
        return "ACTIVITIES#" + community.value();
    }

    /** gsi2: a person's attendances, by their activity's start. */
    static String attendee(EnrolleeId enrollee) {
        return "ATTENDEE#" + enrollee.value();
    }

    /** gsi2: the enrolments of the people who work at a unit. */
    static String unitMembers(OrganisationId unit) {
        return "UNIT_MEMBERS#" + unit.value();
    }

    /** gsi3: the members placed in a grid party group. */
    static String partyGroup(GridId grid) {
        return "PARTY_GROUP#" + grid.value();
    }

    /** gsi4: open attendances whose activity ends on a UTC day; the auto check-out job reads the days up to today. */
    static String checkOutDueOn(Instant end) {
        return "CHECKOUT_DUE#" + end.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
