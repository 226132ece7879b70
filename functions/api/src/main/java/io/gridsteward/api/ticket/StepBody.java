package io.gridsteward.api.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.JsonFields;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.ticket.Evaluation;
import io.gridsteward.domain.ticket.Note;
import io.gridsteward.domain.ticket.PhotoKey;
import io.gridsteward.domain.ticket.Resolution;
import io.gridsteward.domain.ticket.TicketEventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/tickets/{id}/<step>} for the steps after dispatch. Each step reads its own fields
 * (see {@link #fieldsOf}) and refuses the others; {@code expectedVersion} is optional everywhere.
 */
@Schema(
        name = "TicketStep",
        description =
                "What a step needs: reason (return, escalate, reopen, cancel), note (resolve, supervise; "
                        + "optional for close), photoKeys (resolve), rating and comment (evaluate), targetOrgId (escalate, optional).")
public record StepBody(
        @Schema(description = "The version the caller saw; a stale one is refused with 409")
        Long expectedVersion,

        @Schema(maxLength = Note.MAXIMUM_LENGTH) String reason,
        @Schema(maxLength = Note.MAXIMUM_LENGTH) String note,

        @Schema(maxItems = Resolution.MAXIMUM_PHOTOS, description = "Object keys of uploaded photos")
        List<String> photoKeys,

        @Schema(minimum = "1", maximum = "5") Long rating,
        @Schema(maxLength = Note.MAXIMUM_LENGTH) String comment,

        @Schema(
                description = "Escalate to this organisation rather than the level above the assignee",
                examples = "dept-water")
        String targetOrgId) {

    private record Fields(Set<String> required, Set<String> optional) {}

    private static Fields fieldsOf(TicketEventType step) {
        return switch (step) {
            case ACCEPTED -> new Fields(Set.of(), Set.of());
            case RETURNED, REOPENED, CANCELLED -> new Fields(Set.of("reason"), Set.of());
            case ESCALATED -> new Fields(Set.of("reason"), Set.of("targetOrgId"));
            case RESOLVED -> new Fields(Set.of("note"), Set.of("photoKeys"));
            case EVALUATED -> new Fields(Set.of("rating"), Set.of("comment"));
            case CLOSED -> new Fields(Set.of(), Set.of("note"));
            case SUPERVISED -> new Fields(Set.of("note"), Set.of());
            case REPORTED, DISPATCHED -> throw new IllegalArgumentException(step + " has a body of its own");
            case FLAGGED_OVERDUE -> throw new IllegalArgumentException(step + " is the SLA sweeper's, with no route");
        };
    }

    /** A 400 naming each missing, mistyped or unknown field. */
    static StepBody parse(ObjectMapper mapper, String body, TicketEventType step) {
        Fields fields = fieldsOf(step);
        JsonFields json = JsonFields.parse(mapper, body);
        Set<String> known = new HashSet<>(fields.required());
        known.addAll(fields.optional());
        known.add("expectedVersion");
        json.rejectFieldsOtherThan(known);
        Long version = json.optionalPositiveInteger("expectedVersion");
        String reason = read(json, fields, "reason");
        String note = read(json, fields, "note");
        List<String> photos = known.contains("photoKeys") ? json.optionalTextArray("photoKeys") : List.of();
        Long rating = known.contains("rating") ? json.requiredInteger("rating") : null;
        String comment = read(json, fields, "comment");
        String target = read(json, fields, "targetOrgId");
        json.throwIfMalformed();
        return new StepBody(version, reason, note, photos, rating, comment, target);
    }

    private static String read(JsonFields json, Fields fields, String name) {
        if (fields.required().contains(name)) {
            return json.requiredText(name);
        }
        return fields.optional().contains(name) ? json.optionalText(name) : null;
    }

    OptionalLong version() {
        return expectedVersion == null ? OptionalLong.empty() : OptionalLong.of(expectedVersion);
    }

    /** 422 naming {@code reason} when blank or too long. */
    Note reasonNote() {
        return note("reason", reason);
    }

    Optional<Note> optionalNote() {
        return note == null ? Optional.empty() : Optional.of(note("note", note));
    }

    Note requiredNote() {
        return note("note", note);
    }

    Resolution resolution() {
        FieldErrors errors = new FieldErrors();
        Note parsedNote = errors.value("note", () -> new Note(note));
        List<PhotoKey> photos = new ArrayList<>();
        for (int index = 0; index < photoKeys.size(); index++) {
            String key = photoKeys.get(index);
            Optional.ofNullable(errors.value("photoKeys[" + index + "]", () -> new PhotoKey(key)))
                    .ifPresent(photos::add);
        }
        errors.throwIfAny();
        return new Resolution(parsedNote, photos);
    }

    Evaluation evaluation() {
        FieldErrors errors = new FieldErrors();
        Optional<Note> parsedComment = comment == null
                ? Optional.empty()
                : Optional.ofNullable(errors.value("comment", () -> new Note(comment)));
        errors.throwIfAny();
        if (rating < Evaluation.LOWEST || rating > Evaluation.HIGHEST) {
            throw ValidationException.of(
                    "rating", "must be between %d and %d".formatted(Evaluation.LOWEST, Evaluation.HIGHEST));
        }
        return new Evaluation(rating.intValue(), parsedComment);
    }

    Optional<OrganisationId> target() {
        return targetOrgId == null
                ? Optional.empty()
                : Optional.of(valueOf("targetOrgId", () -> new OrganisationId(targetOrgId)));
    }

    private static Note note(String field, String text) {
        return valueOf(field, () -> new Note(text));
    }

    /** One value, a 422 naming {@code field} when the domain refuses it. */
    private static <T> T valueOf(String field, Supplier<T> factory) {
        FieldErrors errors = new FieldErrors();
        T value = errors.value(field, factory);
        errors.throwIfAny();
        return value;
    }
}
