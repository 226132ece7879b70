package io.gridsteward.lakemaintenance;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The TicketEvent items of the table whose event time lies in a period: the table's side of the lake. */
public interface TableEvents {

    /**
     * Hands every TicketEvent item with {@code from <= occurredAt < until} to the consumer (from several threads
     * at once, so the consumer must be thread-safe).
     */
    void forEach(Instant from, Instant until, Consumer<Map<String, AttributeValue>> consumer);
}
