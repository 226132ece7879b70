package io.gridsteward.jobs;

import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.store.core.DynamoDbClients;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.fund.FundStore;
import io.gridsteward.store.party.PartyStore;
import io.gridsteward.store.ticket.TicketStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the sweeper works with; the DynamoDB endpoint comes the SDK's way ({@code AWS_ENDPOINT_URL_DYNAMODB}). */
@Singleton
public class JobDependencies {

    private final String tableName;
    private final int lookbackDays;
    private final int batchLimit;

    @Inject
    JobDependencies(
            @ConfigProperty(name = "table.name") String tableName,
            @ConfigProperty(name = "sweep.lookback-days") int lookbackDays,
            @ConfigProperty(name = "sweep.batch-limit") int batchLimit) {
        this.tableName = tableName;
        this.lookbackDays = lookbackDays;
        this.batchLimit = batchLimit;
    }

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
    SlaSweep slaSweep(DynamoDbClient client, Clock clock) {
        return new SlaSweep(
                new TicketStore(client, tableName, clock, PageCursor.ephemeral()), lookbackDays, batchLimit);
    }

    @Produces
    @Singleton
    AutoCheckOut autoCheckOut(
            DynamoDbClient client, Clock clock, @ConfigProperty(name = "party.county") String county) {
        return new AutoCheckOut(
                new PartyStore(client, tableName, clock, PageCursor.ephemeral()),
                PartyRules.bundled(new OrganisationId(county)),
                lookbackDays,
                batchLimit);
    }

    @Produces
    @Singleton
    ClaimExpiry claimExpiry(DynamoDbClient client, Clock clock) {
        return new ClaimExpiry(
                new FundStore(client, tableName, clock, PageCursor.ephemeral()), lookbackDays, batchLimit);
    }
}
