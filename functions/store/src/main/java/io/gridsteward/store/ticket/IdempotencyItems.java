package io.gridsteward.store.ticket;

import io.gridsteward.domain.ticket.TicketEvent;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.Keys;
import io.gridsteward.store.core.TableDefinition;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item recording an Idempotency-Key's first use, in the partition of the caller and the key (docs/contracts.md):
 * the ticket a report created, or the step taken on a ticket with the sequence of the event it wrote, and the hash of
 * the request. It lives {@link TicketStore#IDEMPOTENCY_WINDOW}; the table's TTL attribute removes it later.
 */
public final class IdempotencyItems {

    public static final String ENTITY = "Idempotency";

    private IdempotencyItems() {}

    public static Map<String, AttributeValue> key(IdempotencyClaim claim) {
        return Keys.key(Keys.idempotencyPartition(claim.callerId(), claim.key()), Keys.IDEMPOTENCY_SORT);
    }

    /** A report's record: the ticket it created, no step. */
    public static Map<String, AttributeValue> report(IdempotencyClaim claim, TicketId ticket, Instant now) {
        return item(Attributes.builder(ENTITY, key(claim)).string("ticketId", ticket.value()), claim, now);
    }

    /** A step's record: the ticket, the step and the event the step wrote. */
    public static Map<String, AttributeValue> step(IdempotencyClaim claim, TicketEvent event, Instant now) {
        return item(
                Attributes.builder(ENTITY, key(claim))
                        .string("ticketId", event.ticketId().value())
                        .string("step", event.type().name())
                        .number("sequence", event.sequence()),
                claim,
                now);
    }

    /** What the key was first used for; empty when the record expired but the TTL process has not swept it yet. */
    public static Optional<FirstUse> firstUse(Map<String, AttributeValue> item, Instant now) {
        Attributes record = Attributes.of(item);
        if (record.longNumber(TableDefinition.TIME_TO_LIVE_ATTRIBUTE) < now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new FirstUse(
                new TicketId(record.string("ticketId")),
                record.optionalString("step").map(TicketEventType::valueOf),
                record.string("requestHash")));
    }

    private static Map<String, AttributeValue> item(Attributes.Builder builder, IdempotencyClaim claim, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(builder.string("callerId", claim.callerId())
                .string("idempotencyKey", claim.key())
                .string("requestHash", claim.requestHash())
                .instant("createdAt", now)
                .build());
        item.put(
                TableDefinition.TIME_TO_LIVE_ATTRIBUTE,
                AttributeValue.fromN(
                        Long.toString(now.plus(TicketStore.IDEMPOTENCY_WINDOW).getEpochSecond())));
        return Map.copyOf(item);
    }

    /** The request a key was first used for: a report ({@code step} empty) or a step on {@code ticketId}. */
    public record FirstUse(TicketId ticketId, Optional<TicketEventType> step, String requestHash) {

        boolean isReport(IdempotencyClaim claim) {
            return step.isEmpty() && requestHash.equals(claim.requestHash());
        }

        boolean isStep(IdempotencyClaim claim, TicketId ticket, TicketEventType type) {
            return step.equals(Optional.of(type)) && ticketId.equals(ticket) && requestHash.equals(claim.requestHash());
        }
    }
}
