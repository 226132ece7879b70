package io.gridsteward.store;

import io.gridsteward.domain.Caller;
import io.gridsteward.domain.Category;
import io.gridsteward.domain.Channel;
import io.gridsteward.domain.Description;
import io.gridsteward.domain.GridId;
import io.gridsteward.domain.Location;
import io.gridsteward.domain.OrganisationId;
import io.gridsteward.domain.Placement;
import io.gridsteward.domain.Role;
import io.gridsteward.domain.Ticket;
import io.gridsteward.domain.TicketEvent;
import io.gridsteward.domain.TicketEventType;
import io.gridsteward.domain.TicketId;
import io.gridsteward.domain.TicketStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Ticket and TicketEvent items, attribute by attribute as docs/contracts.md lists them. */
final class TicketItems {

    static final String TICKET_ENTITY = "Ticket";
    static final String EVENT_ENTITY = "TicketEvent";

    private TicketItems() {
    }

    static Map<String, AttributeValue> item(Ticket ticket) {
        Placement placement = ticket.placement();
        return Attributes.builder(TICKET_ENTITY, Keys.ticket(ticket.id()))
                .string("ticketId", ticket.id().value())
                .string("status", ticket.status().name())
                .string("category", ticket.category().code())
                .string("description", ticket.description().text())
                .string("gridId", placement.grid().value())
                .string("communityId", placement.community().value())
                .string("townId", placement.town().value())
                .number("latitude", ticket.location().latitude())
                .number("longitude", ticket.location().longitude())
                .string("reporterId", ticket.reporterId())
                .string("channel", ticket.channel().name())
                .instant("reportedAt", ticket.reportedAt())
                .optionalString("assigneeOrgId", ticket.assignee().map(OrganisationId::value))
                .number("version", ticket.version())
                .instant("updatedAt", ticket.updatedAt())
                .build();
    }

    static Map<String, AttributeValue> item(TicketEvent event) {
        Placement placement = event.placement();
        return Attributes.builder(EVENT_ENTITY, Keys.key(Keys.ticketPartition(event.ticketId()), Keys.eventSort(event.sequence())))
                .string("eventId", event.eventId())
                .string("ticketId", event.ticketId().value())
                .number("sequence", event.sequence())
                .string("eventType", event.type().name())
                .optionalString("fromStatus", event.from().map(TicketStatus::name))
                .string("toStatus", event.to().name())
                .instant("occurredAt", event.occurredAt())
                .string("actorId", event.actor().userId())
                .string("actorRole", event.actor().role().name())
                .optionalString("actorOrgId", event.actor().organisationId().map(OrganisationId::value))
                .string("gridId", placement.grid().value())
                .string("communityId", placement.community().value())
                .string("townId", placement.town().value())
                .string("category", event.category().code())
                .optionalString("assigneeOrgId", event.assignee().map(OrganisationId::value))
                .optionalString("reason", event.reason())
                .build();
    }

    static Ticket ticket(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new Ticket(
                new TicketId(attributes.string("ticketId")),
                TicketStatus.valueOf(attributes.string("status")),
                new Category(attributes.string("category")),
                new Description(attributes.string("description")),
                placement(attributes),
                new Location(attributes.doubleNumber("latitude"), attributes.doubleNumber("longitude")),
                attributes.string("reporterId"),
                Channel.valueOf(attributes.string("channel")),
                attributes.instant("reportedAt"),
                attributes.optionalString("assigneeOrgId").map(OrganisationId::new),
                attributes.longNumber("version"),
                attributes.instant("updatedAt"));
    }

    static TicketEvent event(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        Caller actor = new Caller(attributes.string("actorId"), Role.valueOf(attributes.string("actorRole")),
                attributes.optionalString("actorOrgId").map(OrganisationId::new));
        return new TicketEvent(
                attributes.string("eventId"),
                new TicketId(attributes.string("ticketId")),
                attributes.longNumber("sequence"),
                TicketEventType.valueOf(attributes.string("eventType")),
                attributes.optionalString("fromStatus").map(TicketStatus::valueOf),
                TicketStatus.valueOf(attributes.string("toStatus")),
                attributes.instant("occurredAt"),
                actor,
                placement(attributes),
                new Category(attributes.string("category")),
                attributes.optionalString("assigneeOrgId").map(OrganisationId::new),
                attributes.optionalString("reason"));
    }

    private static Placement placement(Attributes attributes) {
        return new Placement(new GridId(attributes.string("gridId")), new OrganisationId(attributes.string("communityId")),
                new OrganisationId(attributes.string("townId")));
    }
}
