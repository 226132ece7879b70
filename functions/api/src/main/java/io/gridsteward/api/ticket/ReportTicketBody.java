package io.gridsteward.api.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.JsonFields;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.Channel;
import io.gridsteward.domain.ticket.Description;
import io.gridsteward.domain.ticket.PhoneNumber;
import io.gridsteward.domain.ticket.Priority;
import io.gridsteward.domain.ticket.TicketReport;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/tickets}. */
@Schema(name = "ReportTicket", description = "A problem reported by a resident or a grid worker.")
public record ReportTicketBody(
        @Schema(required = true, examples = "streetlight") String category,

        @Schema(required = true, maxLength = Description.MAXIMUM_LENGTH)
        String description,

        @Schema(required = true, examples = "grid-river-1") String gridId,
        @Schema(required = true) LocationBody location,

        @Schema(description = "RESIDENT_APP, GRID_PATROL, HOTLINE or SUPERVISION; defaults from the reporter's role")
        String channel,

        @Schema(description = "URGENT, HIGH, NORMAL (default) or LOW; with the category it sets the due times")
        String priority,

        @Schema(
                description = "A number to call the reporter back on; shown only to the ticket's handling chain",
                examples = "+86 138 0013 8000")
        String reporterPhone) {

    private static final Set<String> FIELDS =
            Set.of("category", "description", "gridId", "location", "channel", "priority", "reporterPhone");

    /** A 400 naming each missing, mistyped or unknown field. */
    static ReportTicketBody parse(ObjectMapper mapper, String body) {
        JsonFields fields = JsonFields.parse(mapper, body);
        fields.rejectFieldsOtherThan(FIELDS);
        String category = fields.requiredText("category");
        String description = fields.requiredText("description");
        String gridId = fields.requiredText("gridId");
        LocationBody location = LocationBody.read(fields.requiredObject("location"));
        String channel = fields.optionalText("channel");
        String priority = fields.optionalText("priority");
        String reporterPhone = fields.optionalText("reporterPhone");
        fields.throwIfMalformed();
        return new ReportTicketBody(category, description, gridId, location, channel, priority, reporterPhone);
    }

    GridId grid() {
        return new GridId(gridId);
    }

    /** A 422 naming each value the domain refuses. */
    TicketReport toReport() {
        FieldErrors errors = new FieldErrors();
        Category parsedCategory = errors.value("category", () -> new Category(category));
        Description parsedDescription = errors.value("description", () -> new Description(description));
        errors.value("gridId", this::grid);
        Location parsedLocation =
                errors.value("location", () -> new Location(location.latitude(), location.longitude()));
        Optional<Channel> parsedChannel =
                channel == null ? Optional.empty() : Optional.ofNullable(errors.value("channel", this::parseChannel));
        Priority parsedPriority = priority == null ? Priority.NORMAL : errors.value("priority", this::parsePriority);
        Optional<PhoneNumber> parsedPhone = reporterPhone == null
                ? Optional.empty()
                : Optional.ofNullable(errors.value("reporterPhone", () -> new PhoneNumber(reporterPhone)));
        errors.throwIfAny();
        return new TicketReport(
                parsedCategory, parsedDescription, parsedLocation, parsedChannel, parsedPriority, parsedPhone);
    }

    private Channel parseChannel() {
        try {
            return Channel.valueOf(channel);
        } catch (IllegalArgumentException exception) {
            throw ValidationException.ofValue("must be one of " + Arrays.toString(Channel.values()));
        }
    }

    private Priority parsePriority() {
        try {
            return Priority.valueOf(priority);
        } catch (IllegalArgumentException exception) {
            throw ValidationException.ofValue("must be one of " + Arrays.toString(Priority.values()));
        }
    }

    @Schema(name = "Location", description = "WGS 84 degrees.")
    public record LocationBody(
            @Schema(required = true, minimum = "-90", maximum = "90")
            Double latitude,

            @Schema(required = true, minimum = "-180", maximum = "180")
            Double longitude) {

        private static final Set<String> FIELDS = Set.of("latitude", "longitude");

        static LocationBody read(JsonFields fields) {
            if (fields == null) {
                return null;
            }
            fields.rejectFieldsOtherThan(FIELDS);
            return new LocationBody(fields.requiredNumber("latitude"), fields.requiredNumber("longitude"));
        }
    }
}
