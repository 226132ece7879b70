package io.gridsteward.api.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.JsonFields;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.OrganisationId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/tickets/{id}/dispatch}. */
@Schema(name = "DispatchTicket", description = "The organisation that is to handle the ticket.")
public record DispatchTicketBody(
        @Schema(required = true, examples = "grid-river-1") String assigneeOrgId,

        @Schema(description = "The version the dispatcher saw; a stale one is refused with 409")
        Long expectedVersion) {

    private static final Set<String> FIELDS = Set.of("assigneeOrgId", "expectedVersion");

    static DispatchTicketBody parse(ObjectMapper mapper, String body) {
        JsonFields fields = JsonFields.parse(mapper, body);
        fields.rejectFieldsOtherThan(FIELDS);
        String assignee = fields.requiredText("assigneeOrgId");
        Long version = fields.optionalPositiveInteger("expectedVersion");
        fields.throwIfMalformed();
        return new DispatchTicketBody(assignee, version);
    }

    /** A 422 naming {@code assigneeOrgId} when it cannot be an organisation id. */
    OrganisationId assignee() {
        FieldErrors errors = new FieldErrors();
        OrganisationId assignee = errors.value("assigneeOrgId", () -> new OrganisationId(assigneeOrgId));
        errors.throwIfAny();
        return assignee;
    }

    OptionalLong version() {
        return Optional.ofNullable(expectedVersion).map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
