package io.gridsteward.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.domain.OrganisationId;
import io.gridsteward.domain.Ticket;
import io.gridsteward.domain.TicketEvent;
import io.gridsteward.domain.TicketStatus;
import io.gridsteward.store.TicketHistory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A ticket as the API shows it, with its trace. The reporter's and actors' user ids stay out: roles and
 * organisations say who acted.
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
        long version,
        String updatedAt,
        List<EventView> events) {

    static TicketView of(TicketHistory history) {
        Ticket ticket = history.ticket();
        return new TicketView(
                ticket.id().value(),
                ticket.status().name(),
                ticket.category().code(),
                ticket.description().text(),
                ticket.placement().grid().value(),
                ticket.placement().community().value(),
                ticket.placement().town().value(),
                new ReportTicketBody.LocationBody(ticket.location().latitude(), ticket.location().longitude()),
                ticket.channel().name(),
                ticket.reportedAt().toString(),
                ticket.assignee().map(OrganisationId::value).orElse(null),
                ticket.version(),
                ticket.updatedAt().toString(),
                history.events().stream().map(EventView::of).toList());
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
            String reason) {

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
                    event.assignee().map(OrganisationId::value).orElse(null),
                    event.reason().orElse(null));
        }
    }
}
