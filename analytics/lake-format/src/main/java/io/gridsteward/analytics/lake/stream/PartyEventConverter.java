package io.gridsteward.analytics.lake.stream;

import io.gridsteward.analytics.lake.PartyEventRow;

/**
 * {@code EnrolmentEvent} and {@code AttendanceEvent} items as rows of {@code party_events}. The enrollee's id becomes
 * its pseudonym ({@link PartyEventRow#memberKey}); the actor's id, the reason and anything else on the item stay out.
 */
final class PartyEventConverter {

    static final String ENROLMENT_EVENT = "EnrolmentEvent";
    static final String ATTENDANCE_EVENT = "AttendanceEvent";

    private PartyEventConverter() {}

    static PartyEventRow enrolmentRow(EventImage image) {
        return new PartyEventRow(
                image.requiredString("eventId"),
                PartyEventRow.ENROLMENT,
                image.requiredString("eventType"),
                image.requiredNumber("sequence"),
                image.requiredInstant("occurredAt"),
                PartyEventRow.memberKey(image.requiredString("enrolleeId")),
                image.requiredString("enrolleeKind"),
                image.requiredString("toStatus"),
                image.requiredString("actorRole"),
                image.optionalString("actorOrgId"),
                image.requiredString("communityId"),
                image.requiredString("townId"),
                image.optionalString("groupId"),
                image.optionalString("previousCommunityId"),
                image.optionalString("previousGroupId"),
                image.optionalString("workplaceUnitId"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static PartyEventRow attendanceRow(EventImage image) {
        return new PartyEventRow(
                image.requiredString("eventId"),
                PartyEventRow.ATTENDANCE,
                image.requiredString("eventType"),
                image.requiredNumber("sequence"),
                image.requiredInstant("occurredAt"),
                PartyEventRow.memberKey(image.requiredString("enrolleeId")),
                image.requiredString("enrolleeKind"),
                null,
                image.requiredString("actorRole"),
                image.optionalString("actorOrgId"),
                image.requiredString("communityId"),
                image.requiredString("townId"),
                image.optionalString("gridId"),
                null,
                null,
                null,
                image.requiredString("activityId"),
                image.requiredString("activityKind"),
                image.requiredString("organiserId"),
                image.requiredInstant("startsAt"),
                image.requiredInstant("endsAt"),
                image.requiredInstant("checkedInAt"),
                image.optionalInstant("checkedOutAt"),
                image.requiredNumber("presentMinutes"),
                image.requiredNumber("creditedMinutes"),
                image.optionalNumber("certifiedMinutes"));
    }
}
