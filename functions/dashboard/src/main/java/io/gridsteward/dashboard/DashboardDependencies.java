package io.gridsteward.dashboard;

import io.gridsteward.store.core.DynamoDbClients;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.organisation.OrganisationStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The county's structure, read from the table as the api function reads it: the table name is the config property
 * {@code table.name} (env {@code TABLE_NAME}), the client finds its endpoint the SDK's way
 * ({@code AWS_ENDPOINT_URL_DYNAMODB}).
 */
@Singleton
public class DashboardDependencies {

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
    Jurisdictions jurisdictions(
            DynamoDbClient client,
            DashboardConfiguration configuration,
            @ConfigProperty(name = "table.name", defaultValue = TableDefinition.DEFAULT_TABLE_NAME) String tableName) {
        return new Jurisdictions(
                new OrganisationStore(client, tableName), Clock.systemUTC(), configuration.organisationTimeToLive());
    }
}
