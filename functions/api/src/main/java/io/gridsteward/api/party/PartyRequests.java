package io.gridsteward.api.party;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.JsonFields;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.party.ActivityDraft;
import io.gridsteward.domain.party.ActivityKind;
import io.gridsteward.domain.party.ActivityWindow;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.domain.party.EnrolmentRequest;
import io.gridsteward.domain.party.Geofence;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of the party-member endpoints. Each is read field by field ({@link JsonFields}: a 400 names every
 * structural fault), then its values become domain values (a 422 names every invalid field).
 */
final class PartyRequests {

    private PartyRequests() {}

    @Schema(
            name = "ReportIn",
            description =
                    "A report-in to a community (双报到). People report themselves in (enrolleeId is the caller); "
                            + "a unit is reported in by the community's secretary or the unit's own staff, enrolleeId being the unit's organisation id.")
    record ReportInBody(
            @Schema(
                    required = true,
                    enumeration = {"IN_SERVICE_MEMBER", "SCATTERED_MEMBER", "SUNK_STAFF", "UNIT"})
            String kind,

            @Schema(required = true, examples = "community-river")
            String communityId,

            @Schema(description = "A unit's organisation id; people leave it out")
            String enrolleeId,

            @Schema(description = "Where an in-service member works (a unit's organisation id)")
            String workplaceUnitId,

            List<String> skills,

            @Schema(description = "Kinds of activity the member prefers")
            List<String> preferredKinds,

            @Schema(
                    description =
                            "A phone number, or a unit's contact person: personal data, shown to the enrollee and the community's secretary only")
            String contact) {

        private static final Set<String> FIELDS =
                Set.of("kind", "communityId", "enrolleeId", "workplaceUnitId", "skills", "preferredKinds", "contact");

        static ReportInBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(FIELDS);
            ReportInBody parsed = new ReportInBody(
                    fields.requiredText("kind"),
                    fields.requiredText("communityId"),
                    fields.optionalText("enrolleeId"),
                    fields.optionalText("workplaceUnitId"),
                    fields.optionalTextArray("skills"),
                    fields.optionalTextArray("preferredKinds"),
                    fields.optionalText("contact"));
            fields.throwIfMalformed();
            return parsed;
        }

        EnrolmentRequest request() {
            FieldErrors errors = new FieldErrors();
            EnrolleeKind enrolleeKind = errors.value(
                    "kind",
                    () -> constant(
                            EnrolleeKind::valueOf, kind, "IN_SERVICE_MEMBER, SCATTERED_MEMBER, SUNK_STAFF or UNIT"));
            Optional<OrganisationId> unit = Optional.ofNullable(workplaceUnitId)
                    .map(id -> errors.value("workplaceUnitId", () -> new OrganisationId(id)));
            List<ActivityKind> kinds = preferredKinds.stream()
                    .map(text -> errors.value(
                            "preferredKinds",
                            () -> constant(ActivityKind::valueOf, text, "SERVICE, PATROL, MEETING or VOLUNTEER_DUTY")))
                    .toList();
            errors.throwIfAny();
            return new EnrolmentRequest(enrolleeKind, unit, skills, kinds, Optional.ofNullable(contact));
        }

        OrganisationId community() {
            return valid("communityId", () -> new OrganisationId(communityId));
        }

        EnrolleeId enrollee(String callerId) {
            return valid("enrolleeId", () -> new EnrolleeId(enrolleeId == null ? callerId : enrolleeId));
        }
    }

    @Schema(
            name = "EnrolmentStep",
            description = "confirm: groupId (a grid of the community; units none). decline: reason. "
                    + "move: groupId and reason. transfer: communityId. renew: {}.")
    record EnrolmentStepBody(
            String groupId,
            String reason,
            String communityId,

            @Schema(description = "The version the caller saw; a stale one is refused with 409")
            Long expectedVersion) {

        private static final Set<String> FIELDS = Set.of("groupId", "reason", "communityId", "expectedVersion");

        static EnrolmentStepBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(FIELDS);
            EnrolmentStepBody parsed = new EnrolmentStepBody(
                    fields.optionalText("groupId"),
                    fields.optionalText("reason"),
                    fields.optionalText("communityId"),
                    fields.optionalPositiveInteger("expectedVersion"));
            fields.throwIfMalformed();
            return parsed;
        }

        Optional<OrganisationId> group() {
            return Optional.ofNullable(groupId).map(id -> valid("groupId", () -> new OrganisationId(id)));
        }

        OrganisationId requiredGroup() {
            return group().orElseThrow(() -> ValidationException.of("groupId", "is required"));
        }

        OrganisationId requiredCommunity() {
            if (communityId == null) {
                throw ValidationException.of("communityId", "is required");
            }
            return valid("communityId", () -> new OrganisationId(communityId));
        }

        OptionalLong version() {
            return expectedVersion == null ? OptionalLong.empty() : OptionalLong.of(expectedVersion);
        }
    }

    @Schema(
            name = "PublishActivity",
            description = "An activity of a community or a grid party group: window, place and capacity.")
    record PublishBody(
            @Schema(required = true, examples = "grid-river-1")
            String organiserId,

            @Schema(
                    required = true,
                    enumeration = {"SERVICE", "PATROL", "MEETING", "VOLUNTEER_DUTY"})
            String kind,

            @Schema(required = true) String title,

            @Schema(required = true, examples = "2026-12-12T01:00:00Z")
            String startsAt,

            @Schema(required = true, examples = "2026-12-12T03:00:00Z")
            String endsAt,

            @Schema(required = true) PositionBody location,

            @Schema(required = true, description = "The geofence's radius, 10 to 5000 m")
            Long radiusMetres,

            @Schema(required = true) Long capacity) {

        private static final Set<String> FIELDS =
                Set.of("organiserId", "kind", "title", "startsAt", "endsAt", "location", "radiusMetres", "capacity");

        static PublishBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(FIELDS);
            String organiser = fields.requiredText("organiserId");
            String kind = fields.requiredText("kind");
            String title = fields.requiredText("title");
            String startsAt = fields.requiredText("startsAt");
            String endsAt = fields.requiredText("endsAt");
            PositionBody location = PositionBody.parse(fields.requiredObject("location"));
            Long radius = fields.requiredInteger("radiusMetres");
            Long capacity = fields.requiredInteger("capacity");
            fields.throwIfMalformed();
            return new PublishBody(organiser, kind, title, startsAt, endsAt, location, radius, capacity);
        }

        OrganisationId organiser() {
            return valid("organiserId", () -> new OrganisationId(organiserId));
        }

        ActivityDraft draft() {
            FieldErrors errors = new FieldErrors();
            ActivityKind activityKind = errors.value(
                    "kind", () -> constant(ActivityKind::valueOf, kind, "SERVICE, PATROL, MEETING or VOLUNTEER_DUTY"));
            Instant start = errors.value("startsAt", () -> instant(startsAt));
            Instant end = errors.value("endsAt", () -> instant(endsAt));
            Location centre = errors.value("location", location::location);
            int radius = (int) Math.clamp(radiusMetres, Integer.MIN_VALUE, Integer.MAX_VALUE);
            int places = (int) Math.clamp(capacity, Integer.MIN_VALUE, Integer.MAX_VALUE);
            Geofence fence = centre == null ? null : errors.value("", () -> new Geofence(centre, radius));
            ActivityWindow window =
                    start == null || end == null ? null : errors.value("", () -> new ActivityWindow(start, end));
            ActivityDraft draft = activityKind == null || fence == null || window == null
                    ? null
                    : errors.value("", () -> new ActivityDraft(activityKind, title, window, fence, places));
            errors.throwIfAny();
            return draft;
        }
    }

    @Schema(name = "Position", description = "WGS 84 degrees")
    record PositionBody(
            @Schema(required = true) Double latitude,
            @Schema(required = true) Double longitude) {

        static PositionBody parse(JsonFields fields) {
            if (fields == null) {
                return new PositionBody(null, null);
            }
            fields.rejectFieldsOtherThan(Set.of("latitude", "longitude"));
            return new PositionBody(fields.requiredNumber("latitude"), fields.requiredNumber("longitude"));
        }

        Location location() {
            return new Location(latitude, longitude);
        }
    }

    @Schema(
            name = "Presence",
            description = "What proves presence: the QR token on the organiser's screen and the client's position.")
    record PresenceBody(
            @Schema(required = true) String token,
            @Schema(required = true) PositionBody position) {

        static PresenceBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("token", "position"));
            String token = fields.requiredText("token");
            PositionBody position = PositionBody.parse(fields.requiredObject("position"));
            fields.throwIfMalformed();
            return new PresenceBody(token, position);
        }

        Location location() {
            return valid("position", position::location);
        }
    }

    @Schema(
            name = "Certify",
            description =
                    "The organiser's correction of the certified ledger: minutes (0 to the activity's length) and why.")
    record CertifyBody(
            @Schema(required = true) Long minutes,
            @Schema(required = true) String reason,

            @Schema(description = "The attendance's version the organiser saw")
            Long expectedVersion) {

        static CertifyBody parse(ObjectMapper mapper, String body) {
            JsonFields fields = JsonFields.parse(mapper, body);
            fields.rejectFieldsOtherThan(Set.of("minutes", "reason", "expectedVersion"));
            CertifyBody parsed = new CertifyBody(
                    fields.requiredInteger("minutes"),
                    fields.requiredText("reason"),
                    fields.optionalPositiveInteger("expectedVersion"));
            fields.throwIfMalformed();
            return parsed;
        }
    }

    private static <T> T valid(String field, Supplier<T> factory) {
        FieldErrors errors = new FieldErrors();
        T value = errors.value(field, factory);
        errors.throwIfAny();
        return value;
    }

    private static <T> T constant(Function<String, T> parser, String text, String allowed) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.ofValue("must be one of " + allowed);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException unparsable) {
            throw ValidationException.ofValue("must be an ISO-8601 instant such as 2026-12-12T01:00:00Z");
        }
    }
}
