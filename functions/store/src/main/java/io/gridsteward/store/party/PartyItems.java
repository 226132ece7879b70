package io.gridsteward.store.party;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.party.Activity;
import io.gridsteward.domain.party.ActivityFacts;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.ActivityKind;
import io.gridsteward.domain.party.ActivityWindow;
import io.gridsteward.domain.party.Attendance;
import io.gridsteward.domain.party.AttendanceEvent;
import io.gridsteward.domain.party.AttendanceEventType;
import io.gridsteward.domain.party.AttendanceStatus;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentEvent;
import io.gridsteward.domain.party.EnrolmentEventType;
import io.gridsteward.domain.party.EnrolmentStatus;
import io.gridsteward.domain.party.Geofence;
import io.gridsteward.domain.party.SignUp;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.TableIndex;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The party-member context's items, attribute by attribute as docs/contracts.md lists them, with their index keys.
 * Contact details are attributes of the enrolment item only, never of an event item, so the lake never sees them.
 */
final class PartyItems {

    static final String ENROLMENT_ENTITY = "Enrolment";
    static final String ENROLMENT_EVENT_ENTITY = "EnrolmentEvent";
    static final String ACTIVITY_ENTITY = "Activity";
    static final String SIGN_UP_ENTITY = "SignUp";
    static final String ATTENDANCE_ENTITY = "Attendance";
    static final String ATTENDANCE_EVENT_ENTITY = "AttendanceEvent";

    private PartyItems() {}

    static Map<String, AttributeValue> item(Enrolment enrolment) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.builder(
                        ENROLMENT_ENTITY, PartyKeys.enrolment(enrolment.id()))
                .string("enrolleeId", enrolment.id().value())
                .string("enrolleeKind", enrolment.kind().name())
                .string("status", enrolment.status().name())
                .string("communityId", enrolment.community().value())
                .string("townId", enrolment.town().value())
                .optionalString("groupId", enrolment.group().map(GridId::value))
                .optionalString("workplaceUnitId", enrolment.workplaceUnit().map(OrganisationId::value))
                .strings("skills", enrolment.skills())
                .strings(
                        "preferredKinds",
                        enrolment.preferredKinds().stream()
                                .map(ActivityKind::name)
                                .toList())
                .optionalString("contact", enrolment.contact())
                .instant("firstReportedAt", enrolment.firstReportedAt())
                .instant("lastReportedAt", enrolment.lastReportedAt())
                .number("version", enrolment.version())
                .instant("updatedAt", enrolment.updatedAt())
                .build());
        String id = enrolment.id().value();
        index(
                item,
                TableIndex.WORK,
                PartyKeys.enrolledIn(enrolment.community()),
                enrolment.kind().name() + "#" + id);
        enrolment.workplaceUnit().ifPresent(unit -> index(item, TableIndex.REPORTER, PartyKeys.unitMembers(unit), id));
        enrolment.group().ifPresent(group -> index(item, TableIndex.GRID, PartyKeys.partyGroup(group), id));
        return Map.copyOf(item);
    }

    static Enrolment enrolment(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new Enrolment(
                new EnrolleeId(attributes.string("enrolleeId")),
                EnrolleeKind.valueOf(attributes.string("enrolleeKind")),
                EnrolmentStatus.valueOf(attributes.string("status")),
                new OrganisationId(attributes.string("communityId")),
                new OrganisationId(attributes.string("townId")),
                attributes.optionalString("groupId").map(GridId::new),
                attributes.optionalString("workplaceUnitId").map(OrganisationId::new),
                attributes.strings("skills"),
                attributes.strings("preferredKinds").stream()
                        .map(ActivityKind::valueOf)
                        .toList(),
                attributes.optionalString("contact"),
                attributes.instant("firstReportedAt"),
                attributes.instant("lastReportedAt"),
                attributes.longNumber("version"),
                attributes.instant("updatedAt"));
    }

    static Map<String, AttributeValue> item(EnrolmentEvent event) {
        return actor(
                        Attributes.builder(
                                ENROLMENT_EVENT_ENTITY, PartyKeys.enrolmentEvent(event.enrolleeId(), event.sequence())),
                        event.actor())
                .string("eventId", event.eventId())
                .string("enrolleeId", event.enrolleeId().value())
                .string("enrolleeKind", event.kind().name())
                .number("sequence", event.sequence())
                .string("eventType", event.type().name())
                .optionalString("fromStatus", event.from().map(EnrolmentStatus::name))
                .string("toStatus", event.to().name())
                .instant("occurredAt", event.occurredAt())
                .string("communityId", event.community().value())
                .string("townId", event.town().value())
                .optionalString("groupId", event.group().map(GridId::value))
                .optionalString("previousCommunityId", event.previousCommunity().map(OrganisationId::value))
                .optionalString("previousGroupId", event.previousGroup().map(GridId::value))
                .optionalString("workplaceUnitId", event.workplaceUnit().map(OrganisationId::value))
                .optionalString("reason", event.reason())
                .build();
    }

    static EnrolmentEvent enrolmentEvent(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new EnrolmentEvent(
                attributes.string("eventId"),
                new EnrolleeId(attributes.string("enrolleeId")),
                EnrolleeKind.valueOf(attributes.string("enrolleeKind")),
                attributes.longNumber("sequence"),
                EnrolmentEventType.valueOf(attributes.string("eventType")),
                attributes.optionalString("fromStatus").map(EnrolmentStatus::valueOf),
                EnrolmentStatus.valueOf(attributes.string("toStatus")),
                attributes.instant("occurredAt"),
                actor(attributes),
                new OrganisationId(attributes.string("communityId")),
                new OrganisationId(attributes.string("townId")),
                attributes.optionalString("groupId").map(GridId::new),
                attributes.optionalString("previousCommunityId").map(OrganisationId::new),
                attributes.optionalString("previousGroupId").map(GridId::new),
                attributes.optionalString("workplaceUnitId").map(OrganisationId::new),
                attributes.optionalString("reason"));
    }

    static Map<String, AttributeValue> item(Activity activity) {
        Map<String, AttributeValue> item =
                new HashMap<>(Attributes.builder(ACTIVITY_ENTITY, PartyKeys.activity(activity.id()))
                        .string("activityId", activity.id().value())
                        .string("activityKind", activity.kind().name())
                        .string("title", activity.title())
                        .string("organiserId", activity.organiser().value())
                        .string("communityId", activity.community().value())
                        .string("townId", activity.town().value())
                        .optionalString("gridId", activity.grid().map(GridId::value))
                        .instant("startsAt", activity.window().startsAt())
                        .instant("endsAt", activity.window().endsAt())
                        .number("latitude", activity.fence().centre().latitude())
                        .number("longitude", activity.fence().centre().longitude())
                        .number("radiusMetres", activity.fence().radiusMetres())
                        .number("capacity", activity.capacity())
                        .number("signedUp", activity.signedUp())
                        .string("publishedBy", activity.publishedBy())
                        .instant("publishedAt", activity.publishedAt())
                        .build());
        index(
                item,
                TableIndex.WORK,
                PartyKeys.activitiesOf(activity.community()),
                Attributes.format(activity.window().startsAt()) + "#"
                        + activity.id().value());
        return Map.copyOf(item);
    }

    static Activity activity(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new Activity(
                new ActivityId(attributes.string("activityId")),
                ActivityKind.valueOf(attributes.string("activityKind")),
                attributes.string("title"),
                new OrganisationId(attributes.string("organiserId")),
                new OrganisationId(attributes.string("communityId")),
                new OrganisationId(attributes.string("townId")),
                attributes.optionalString("gridId").map(GridId::new),
                new ActivityWindow(attributes.instant("startsAt"), attributes.instant("endsAt")),
                new Geofence(
                        new Location(attributes.doubleNumber("latitude"), attributes.doubleNumber("longitude")),
                        (int) attributes.longNumber("radiusMetres")),
                (int) attributes.longNumber("capacity"),
                (int) attributes.longNumber("signedUp"),
                attributes.string("publishedBy"),
                attributes.instant("publishedAt"));
    }

    static Map<String, AttributeValue> item(SignUp signUp) {
        return Attributes.builder(SIGN_UP_ENTITY, PartyKeys.signUp(signUp.activityId(), signUp.enrolleeId()))
                .string("activityId", signUp.activityId().value())
                .string("enrolleeId", signUp.enrolleeId().value())
                .string("enrolleeKind", signUp.kind().name())
                .instant("signedUpAt", signUp.signedUpAt())
                .build();
    }

    static SignUp signUp(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new SignUp(
                new ActivityId(attributes.string("activityId")),
                new EnrolleeId(attributes.string("enrolleeId")),
                EnrolleeKind.valueOf(attributes.string("enrolleeKind")),
                attributes.instant("signedUpAt"));
    }

    static Map<String, AttributeValue> item(Attendance attendance) {
        Map<String, AttributeValue> item = new HashMap<>(facts(
                        Attributes.builder(
                                ATTENDANCE_ENTITY,
                                PartyKeys.attendance(attendance.activityId(), attendance.enrolleeId())),
                        attendance.activity())
                .string("activityId", attendance.activityId().value())
                .string("enrolleeId", attendance.enrolleeId().value())
                .string("enrolleeKind", attendance.enrolleeKind().name())
                .string("status", attendance.status().name())
                .instant("checkedInAt", attendance.checkedInAt())
                .optionalInstant("checkedOutAt", attendance.checkedOutAt())
                .string("checkInNonce", attendance.checkInNonce())
                .number("presentMinutes", attendance.presentMinutes())
                .number("creditedMinutes", attendance.creditedMinutes())
                .optionalNumber("certifiedMinutes", attendance.certifiedMinutes())
                .number("version", attendance.version())
                .instant("updatedAt", attendance.updatedAt())
                .build());
        ActivityWindow window = attendance.activity().window();
        String identity =
                attendance.activityId().value() + "#" + attendance.enrolleeId().value();
        index(
                item,
                TableIndex.REPORTER,
                PartyKeys.attendee(attendance.enrolleeId()),
                Attributes.format(window.startsAt()) + "#" + identity);
        if (attendance.status().isOpen()) {
            index(
                    item,
                    TableIndex.DUE,
                    PartyKeys.checkOutDueOn(window.endsAt()),
                    Attributes.format(window.endsAt()) + "#" + identity);
        }
        return Map.copyOf(item);
    }

    static Attendance attendance(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new Attendance(
                new ActivityId(attributes.string("activityId")),
                new EnrolleeId(attributes.string("enrolleeId")),
                EnrolleeKind.valueOf(attributes.string("enrolleeKind")),
                facts(attributes),
                AttendanceStatus.valueOf(attributes.string("status")),
                attributes.instant("checkedInAt"),
                attributes.optionalInstant("checkedOutAt"),
                attributes.string("checkInNonce"),
                attributes.longNumber("presentMinutes"),
                attributes.longNumber("creditedMinutes"),
                attributes.optionalLong("certifiedMinutes"),
                attributes.longNumber("version"),
                attributes.instant("updatedAt"));
    }

    static Map<String, AttributeValue> item(AttendanceEvent event) {
        return actor(
                        facts(
                                Attributes.builder(
                                        ATTENDANCE_EVENT_ENTITY,
                                        PartyKeys.attendanceEvent(
                                                event.activityId(), event.enrolleeId(), event.sequence())),
                                event.activity()),
                        event.actor())
                .string("eventId", event.eventId())
                .string("activityId", event.activityId().value())
                .string("enrolleeId", event.enrolleeId().value())
                .string("enrolleeKind", event.enrolleeKind().name())
                .number("sequence", event.sequence())
                .string("eventType", event.type().name())
                .instant("occurredAt", event.occurredAt())
                .instant("checkedInAt", event.checkedInAt())
                .optionalInstant("checkedOutAt", event.checkedOutAt())
                .number("presentMinutes", event.presentMinutes())
                .number("creditedMinutes", event.creditedMinutes())
                .optionalNumber("certifiedMinutes", event.certifiedMinutes())
                .optionalString("reason", event.reason())
                .build();
    }

    static AttendanceEvent attendanceEvent(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new AttendanceEvent(
                attributes.string("eventId"),
                new ActivityId(attributes.string("activityId")),
                new EnrolleeId(attributes.string("enrolleeId")),
                EnrolleeKind.valueOf(attributes.string("enrolleeKind")),
                attributes.longNumber("sequence"),
                AttendanceEventType.valueOf(attributes.string("eventType")),
                attributes.instant("occurredAt"),
                actor(attributes),
                facts(attributes),
                attributes.instant("checkedInAt"),
                attributes.optionalInstant("checkedOutAt"),
                attributes.longNumber("presentMinutes"),
                attributes.longNumber("creditedMinutes"),
                attributes.optionalLong("certifiedMinutes"),
                attributes.optionalString("reason"));
    }

    private static Attributes.Builder facts(Attributes.Builder builder, ActivityFacts facts) {
        return builder.string("activityKind", facts.kind().name())
                .string("organiserId", facts.organiser().value())
                .string("communityId", facts.community().value())
                .string("townId", facts.town().value())
                .optionalString("gridId", facts.grid().map(GridId::value))
                .instant("startsAt", facts.window().startsAt())
                .instant("endsAt", facts.window().endsAt());
    }

    private static ActivityFacts facts(Attributes attributes) {
        return new ActivityFacts(
                ActivityKind.valueOf(attributes.string("activityKind")),
                new OrganisationId(attributes.string("organiserId")),
                new OrganisationId(attributes.string("communityId")),
                new OrganisationId(attributes.string("townId")),
                attributes.optionalString("gridId").map(GridId::new),
                new ActivityWindow(attributes.instant("startsAt"), attributes.instant("endsAt")));
    }

    private static Attributes.Builder actor(Attributes.Builder builder, Caller actor) {
        return builder.string("actorId", actor.userId())
                .string("actorRole", actor.role().name())
                .optionalString("actorOrgId", actor.organisationId().map(OrganisationId::value));
    }

    private static Caller actor(Attributes attributes) {
        return new Caller(
                attributes.string("actorId"),
                Role.valueOf(attributes.string("actorRole")),
                attributes.optionalString("actorOrgId").map(OrganisationId::new));
    }

    private static void index(Map<String, AttributeValue> item, TableIndex index, String partition, String sort) {
        item.put(index.partitionAttribute(), AttributeValue.fromS(partition));
        item.put(index.sortAttribute(), AttributeValue.fromS(sort));
    }
}
