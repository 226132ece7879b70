package io.gridsteward.api.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.ticket.Evaluation;
import io.gridsteward.domain.ticket.Note;
import io.gridsteward.domain.ticket.PhoneNumber;
import io.gridsteward.domain.ticket.PhotoKey;
import io.gridsteward.domain.ticket.Resolution;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketAccess;
import io.gridsteward.domain.ticket.TicketEvent;
import io.gridsteward.domain.ticket.TicketStatus;
import io.gridsteward.store.ticket.TicketHistory;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A ticket as the API shows it, with its trace. The reporter's and actors' user ids stay out: roles and
 * organisations say who acted. The reporter's phone number appears only for the ticket's handling chain
 * ({@link TicketAccess#maySeeContact}) and never in lists.
 */
@Schema(name = "Ticket")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(
        String id,
        String status,
        String category,
        String description,
        String gridId,
        String communityId,
        String townId,
        ReportTicketBody.LocationBody location,
        String channel,
        String reportedAt,
        String assigneeOrgId,

        @Schema(description = "GRID, COMMUNITY, TOWN (escalated up to the town's dispatcher) or DEPARTMENT")
        String assigneeOrgKind,

        long version,
        String updatedAt,
        String priority,
        String acceptDueAt,
        String resolveDueAt,

        @Schema(description = "Whether the SLA sweeper has ever found the ticket late")
        boolean overdue,

        @Schema(description = "The latest due time the SLA sweeper found missed")
        String missedDueAt,

        String reporterPhone,
        ResolutionView resolution,
        EvaluationView evaluation,

        @Schema(description = "The trace; left out of lists")
        List<EventView> events) {

    /** The ticket with its trace, as {@code caller} may see it. */
    static TicketView of(TicketHistory history, Caller caller) {
        Ticket ticket = history.ticket();
        String phone = TicketAccess.maySeeContact(caller, ticket)
                ? ticket.reporterPhone().map(PhoneNumber::value).orElse(null)
                : null;
        return of(ticket, phone, history.events().stream().map(EventView::of).toList());
    }

    /** A list entry: no trace, no contact details. */
    static TicketView summary(Ticket ticket) {
        return of(ticket, null, null);
    }

    private static TicketView of(Ticket ticket, String phone, List<EventView> events) {
        return new TicketView(
                ticket.id().value(),
                ticket.status().name(),
                ticket.category().code(),
                ticket.description().text(),
                ticket.placement().grid().value(),
                ticket.placement().community().value(),
                ticket.placement().town().value(),
                new ReportTicketBody.LocationBody(
                        ticket.location().latitude(), ticket.location().longitude()),
                ticket.channel().name(),
                ticket.reportedAt().toString(),
                ticket.assignee().map(assignee -> assignee.id().value()).orElse(null),
                ticket.assignee().map(assignee -> assignee.kind().name()).orElse(null),
                ticket.version(),
                ticket.updatedAt().toString(),
                ticket.priority().name(),
                ticket.deadlines().acceptBy().toString(),
                ticket.deadlines().resolveBy().toString(),
                ticket.overdue(),
                ticket.missedDueAt().map(Instant::toString).orElse(null),
                phone,
                ticket.resolution().map(ResolutionView::of).orElse(null),
                ticket.evaluation().map(EvaluationView::of).orElse(null),
                events);
    }

    @Schema(name = "Resolution")
    public record ResolutionView(String note, List<String> photoKeys) {

        static ResolutionView of(Resolution resolution) {
            return new ResolutionView(
                    resolution.note().text(),
                    resolution.photos().stream().map(PhotoKey::value).toList());
        }
    }

    @Schema(name = "Evaluation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluationView(int rating, String comment) {

        static EvaluationView of(Evaluation evaluation) {
            return new EvaluationView(
                    evaluation.rating(), evaluation.comment().map(Note::text).orElse(null));
        }
    }

    @Schema(name = "TicketEvent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(
            String eventId,
            long sequence,
            String type,
            String fromStatus,
            String toStatus,
            String occurredAt,
            String actorRole,
            String actorOrgId,
            String assigneeOrgId,
            String assigneeOrgKind,
            String reason,
            String priority,
            String acceptDueAt,
            String resolveDueAt,
            Integer rating,
            List<String> photoKeys) {

        static EventView of(TicketEvent event) {
            return new EventView(
                    event.eventId(),
                    event.sequence(),
                    event.type().name(),
                    event.from().map(TicketStatus::name).orElse(null),
                    event.to().name(),
                    event.occurredAt().toString(),
                    event.actor().role().name(),
                    event.actor().organisationId().map(OrganisationId::value).orElse(null),
                    event.assignee().map(assignee -> assignee.id().value()).orElse(null),
                    event.assignee().map(assignee -> assignee.kind().name()).orElse(null),
                    event.reason().orElse(null),
                    event.priority().name(),
                    event.deadlines().acceptBy().toString(),
                    event.deadlines().resolveBy().toString(),
                    event.rating().isPresent() ? event.rating().getAsInt() : null,
                    event.photos().isEmpty()
                            ? null
                            : event.photos().stream().map(PhotoKey::value).toList());
        }
    }
}
