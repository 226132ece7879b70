package io.gridsteward.api;

import io.gridsteward.domain.IdSource;
import io.gridsteward.domain.RoutingRules;
import io.gridsteward.domain.SlaPolicy;
import io.gridsteward.store.DynamoDbClients;
import io.gridsteward.store.OrganisationStore;
import io.gridsteward.store.TableDefinition;
import io.gridsteward.store.TicketStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * What the resources work with. The table name is the config property {@code table.name}, which the
 * environment variable {@code TABLE_NAME} sets; the client finds its endpoint the SDK's way
 * ({@code AWS_ENDPOINT_URL_DYNAMODB}).
 */
@Singleton
public class Dependencies {

    @ConfigProperty(name = "table.name", defaultValue = TableDefinition.DEFAULT_TABLE_NAME)
    String tableName;

    /** {@code bundled}: the domain's routing-rules.csv dispatches on intake; {@code none}: every ticket waits for the dispatcher. */
    @ConfigProperty(name = "routing.rules", defaultValue = "none")
    String routingRules;

    /** Built at start-up so that a SnapStart snapshot already holds it. */
    @Produces
    @Singleton
    @Startup
    DynamoDbClient dynamoDbClient() {
        return DynamoDbClients.fromEnvironment();
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    IdSource idSource() {
        return IdSource.randomUuids();
    }

    @ConfigProperty(name = "attachments.bucket", defaultValue = "grid-steward-attachments")
    String attachmentsBucket;

    /** Path-style against a local S3 server when the standard {@code AWS_ENDPOINT_URL_S3} names one. */
    @ConfigProperty(name = "aws.endpoint-url-s3")
    Optional<URI> s3Endpoint;

    @Produces
    @Singleton
    AttachmentUploads attachmentUploads() {
        return new AttachmentUploads(attachmentsBucket, s3Endpoint);
    }

    void close(@Disposes AttachmentUploads uploads) {
        uploads.close();
    }

    @Produces
    @Singleton
    SlaPolicy slaPolicy() {
        return SlaPolicy.bundled();
    }

    @Produces
    @Singleton
    RoutingRules routingRules() {
        return switch (routingRules) {
            case "bundled" -> RoutingRules.bundled();
            case "none" -> RoutingRules.none();
            default -> throw new IllegalStateException("routing.rules (ROUTING_RULES) must be 'bundled' or 'none', not '%s'".formatted(routingRules));
        };
    }

    @Produces
    @Singleton
    TicketStore ticketStore(DynamoDbClient client, Clock clock) {
        return new TicketStore(client, tableName, clock);
    }

    @Produces
    @Singleton
    OrganisationStore organisationStore(DynamoDbClient client) {
        return new OrganisationStore(client, tableName);
    }
}
