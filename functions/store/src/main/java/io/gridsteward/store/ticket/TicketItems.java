package io.gridsteward.store.ticket;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.ticket.Assignee;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.Channel;
import io.gridsteward.domain.ticket.Deadlines;
import io.gridsteward.domain.ticket.Description;
import io.gridsteward.domain.ticket.Evaluation;
import io.gridsteward.domain.ticket.Note;
import io.gridsteward.domain.ticket.PhoneNumber;
import io.gridsteward.domain.ticket.PhotoKey;
import io.gridsteward.domain.ticket.Priority;
import io.gridsteward.domain.ticket.Resolution;
import io.gridsteward.domain.ticket.SlaTarget;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketEvent;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketStatus;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.Keys;
import io.gridsteward.store.core.TableIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ticket and TicketEvent items, attribute by attribute as docs/contracts.md lists them, with the ticket's index
 * keys. The reporter's phone number is an attribute of the ticket item only, never of an event item, so the lake
 * (which reads events) never sees it.
 */
final class TicketItems {

    static final String TICKET_ENTITY = "Ticket";
    static final String EVENT_ENTITY = "TicketEvent";

    private TicketItems() {}

    static Map<String, AttributeValue> item(Ticket ticket) {
        Placement placement = ticket.placement();
        Map<String, AttributeValue> item = new HashMap<>(Attributes.builder(
                        TICKET_ENTITY, TicketKeys.ticket(ticket.id()))
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
                .optionalString(
                        "assigneeOrgId",
                        ticket.assignee().map(assignee -> assignee.id().value()))
                .optionalString(
                        "assigneeOrgKind",
                        ticket.assignee().map(assignee -> assignee.kind().name()))
                .number("version", ticket.version())
                .instant("updatedAt", ticket.updatedAt())
                .string("priority", ticket.priority().name())
                .duration("slaAcceptWithin", ticket.sla().acceptWithin())
                .duration("slaResolveWithin", ticket.sla().resolveWithin())
                .instant("acceptDueAt", ticket.deadlines().acceptBy())
                .instant("resolveDueAt", ticket.deadlines().resolveBy())
                .bool("overdue", ticket.overdue())
                .optionalInstant("missedDueAt", ticket.missedDueAt())
                .optionalString("reporterPhone", ticket.reporterPhone().map(PhoneNumber::value))
                .optionalString(
                        "resolutionNote",
                        ticket.resolution().map(resolution -> resolution.note().text()))
                .strings(
                        "photoKeys",
                        ticket.resolution().map(TicketItems::photoKeys).orElse(List.of()))
                .optionalNumber(
                        "rating",
                        ticket.evaluation()
                                .map(evaluation -> OptionalLong.of(evaluation.rating()))
                                .orElse(OptionalLong.empty()))
                .optionalString(
                        "evaluationComment",
                        ticket.evaluation().flatMap(Evaluation::comment).map(Note::text))
                .build());
        item.putAll(indexKeys(ticket));
        return Map.copyOf(item);
    }

    /** The ticket's place in each sparse index, derived from its state so that a Put keeps every index right. */
    static Map<String, AttributeValue> indexKeys(Ticket ticket) {
        Map<String, AttributeValue> keys = new HashMap<>();
        String id = ticket.id().value();
        if (ticket.awaitsDispatcher()) {
            index(
                    keys,
                    TableIndex.WORK,
                    Keys.townQueue(ticket.placement().town()),
                    Attributes.format(ticket.deadlines().acceptBy()) + "#" + id);
        } else if (ticket.openWithAssignee()) {
            index(
                    keys,
                    TableIndex.WORK,
                    Keys.assignedTo(ticket.assignee().orElseThrow().id()),
                    Attributes.format(ticket.currentDueAt().orElseThrow()) + "#" + id);
        }
        index(
                keys,
                TableIndex.REPORTER,
                Keys.reportedBy(ticket.reporterId()),
                Attributes.format(ticket.reportedAt()) + "#" + id);
        index(
                keys,
                TableIndex.GRID,
                Keys.inGrid(ticket.placement().grid()),
                ticket.status().name() + "#" + Attributes.format(ticket.reportedAt()) + "#" + id);
        ticket.overdueCheckAt()
                .ifPresent(due -> index(keys, TableIndex.DUE, Keys.dueOn(due), Attributes.format(due) + "#" + id));
        return keys;
    }

    private static void index(Map<String, AttributeValue> keys, TableIndex index, String partition, String sort) {
        keys.put(index.partitionAttribute(), AttributeValue.fromS(partition));
        keys.put(index.sortAttribute(), AttributeValue.fromS(sort));
    }

    static Map<String, AttributeValue> item(TicketEvent event) {
        Placement placement = event.placement();
        return Attributes.builder(
                        EVENT_ENTITY,
                        Keys.key(TicketKeys.partition(event.ticketId()), Keys.eventSort(event.sequence())))
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
                .optionalString(
                        "assigneeOrgId",
                        event.assignee().map(assignee -> assignee.id().value()))
                .optionalString(
                        "assigneeOrgKind",
                        event.assignee().map(assignee -> assignee.kind().name()))
                .optionalString("reason", event.reason())
                .string("priority", event.priority().name())
                .instant("acceptDueAt", event.deadlines().acceptBy())
                .instant("resolveDueAt", event.deadlines().resolveBy())
                .optionalNumber(
                        "rating",
                        event.rating().isPresent()
                                ? OptionalLong.of(event.rating().getAsInt())
                                : OptionalLong.empty())
                .strings(
                        "photoKeys",
                        event.photos().stream().map(PhotoKey::value).toList())
                .build();
    }

    static Ticket ticket(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        Optional<Resolution> resolution = attributes
                .optionalString("resolutionNote")
                .map(note -> new Resolution(
                        new Note(note),
                        attributes.strings("photoKeys").stream()
                                .map(PhotoKey::new)
                                .toList()));
        OptionalLong rating = attributes.optionalLong("rating");
        Optional<Evaluation> evaluation = rating.isPresent()
                ? Optional.of(new Evaluation(
                        (int) rating.getAsLong(),
                        attributes.optionalString("evaluationComment").map(Note::new)))
                : Optional.empty();
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
                assignee(attributes),
                attributes.longNumber("version"),
                attributes.instant("updatedAt"),
                Priority.valueOf(attributes.string("priority")),
                new SlaTarget(attributes.duration("slaAcceptWithin"), attributes.duration("slaResolveWithin")),
                deadlines(attributes),
                attributes.optionalInstant("missedDueAt"),
                attributes.optionalString("reporterPhone").map(PhoneNumber::new),
                resolution,
                evaluation);
    }

    static TicketEvent event(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        Caller actor = new Caller(
                attributes.string("actorId"),
                Role.valueOf(attributes.string("actorRole")),
                attributes.optionalString("actorOrgId").map(OrganisationId::new));
        OptionalLong rating = attributes.optionalLong("rating");
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
                assignee(attributes),
                attributes.optionalString("reason"),
                Priority.valueOf(attributes.string("priority")),
                deadlines(attributes),
                rating.isPresent() ? OptionalInt.of((int) rating.getAsLong()) : OptionalInt.empty(),
                attributes.strings("photoKeys").stream().map(PhotoKey::new).toList());
    }

    private static Optional<Assignee> assignee(Attributes attributes) {
        return attributes
                .optionalString("assigneeOrgId")
                .map(id -> new Assignee(
                        new OrganisationId(id), OrganisationKind.valueOf(attributes.string("assigneeOrgKind"))));
    }

    private static List<String> photoKeys(Resolution resolution) {
        return resolution.photos().stream().map(PhotoKey::value).toList();
    }

    private static Deadlines deadlines(Attributes attributes) {
        return new Deadlines(attributes.instant("acceptDueAt"), attributes.instant("resolveDueAt"));
    }

    private static Placement placement(Attributes attributes) {
        return new Placement(
                new GridId(attributes.string("gridId")),
                new OrganisationId(attributes.string("communityId")),
                new OrganisationId(attributes.string("townId")));
    }
}
