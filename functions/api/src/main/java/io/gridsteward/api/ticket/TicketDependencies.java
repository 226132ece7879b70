package io.gridsteward.api.ticket;

import io.gridsteward.api.core.Dependencies.TableName;
import io.gridsteward.api.core.UploadBucket;
import io.gridsteward.domain.ticket.GridReach;
import io.gridsteward.domain.ticket.RoutingRules;
import io.gridsteward.domain.ticket.SlaPolicy;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.ticket.TicketStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The ticket context's store, policies and photo uploads. */
@Singleton
public class TicketDependencies {

    @Produces
    @Singleton
    public TicketStore ticketStore(DynamoDbClient client, TableName table, Clock clock, PageCursor cursors) {
        return new TicketStore(client, table.value(), clock, cursors);
    }

    @Produces
    @Singleton
    public SlaPolicy slaPolicy() {
        return SlaPolicy.bundled();
    }

    /** How far from its grid's centre a report may lie: {@code ticket.grid-reach-metres} (env {@code TICKET_GRID_REACH_METRES}), 5 km unless set. */
    @Produces
    @Singleton
    public GridReach gridReach(
            @ConfigProperty(name = "ticket.grid-reach-metres", defaultValue = "" + GridReach.DEFAULT_METRES)
                    int metres) {
        return new GridReach(metres);
    }

    /** {@code bundled}: the domain's routing-rules.csv dispatches on intake; {@code none}: every ticket waits for the dispatcher. */
    @Produces
    @Singleton
    public RoutingRules routingRules(
            @ConfigProperty(name = "routing.rules", defaultValue = "none") String routingRules) {
        return switch (routingRules) {
            case "bundled" -> RoutingRules.bundled();
            case "none" -> RoutingRules.none();
            default ->
                throw new IllegalStateException(
                        "routing.rules (ROUTING_RULES) must be 'bundled' or 'none', not '%s'".formatted(routingRules));
        };
    }

    @Produces
    @Singleton
    public AttachmentUploads attachmentUploads(UploadBucket bucket) {
        return new AttachmentUploads(bucket);
    }
}
