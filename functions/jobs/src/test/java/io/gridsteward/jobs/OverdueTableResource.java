package io.gridsteward.jobs;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.Description;
import io.gridsteward.domain.ticket.SlaPolicy;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketReport;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.ticket.TicketStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The emulator with one ticket dispatched two days ago and never accepted: overdue for the function's real clock. */
public class OverdueTableResource implements QuarkusTestResourceLifecycleManager {

    static final String TABLE_NAME = "grid-steward-jobs-function-test";
    private static final TicketId TICKET = new TicketId("overdue-ticket");
    private static DynamoDbEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        System.setProperty("aws.endpointUrlDynamoDb", emulator.endpoint().toString());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try (DynamoDbClient client = EmulatorClients.dynamoDb(emulator.endpoint())) {
            client.createTable(TableDefinition.createRequest(TABLE_NAME));
            TicketStore store =
                    new TicketStore(client, TABLE_NAME, Clock.systemUTC(), new PageCursor(PageCursor.LOCAL_KEY));
            OrganisationId town = new OrganisationId("town-east");
            Organisation grid = Organisation.grid(
                    new OrganisationId("grid-river-1"), "River 1", new OrganisationId("community-river"), town);
            Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
            TicketReport report = new TicketReport(
                    new Category("noise"), new Description("loud at night"), new Location(30, 120), Optional.empty());
            TicketChange reported = Ticket.report(
                    TICKET, report, grid, Caller.resident("user-resident"), twoDaysAgo, SlaPolicy.bundled());
            store.create(
                    List.of(
                            reported,
                            reported.ticket()
                                    .dispatch(
                                            grid,
                                            Caller.staff("user-dispatcher", Role.TOWN_DISPATCHER, town),
                                            twoDaysAgo)),
                    Optional.empty());
        }
        return Map.of("table.name", TABLE_NAME);
    }

    static long escalations() {
        try (DynamoDbClient client = EmulatorClients.dynamoDb(emulator.endpoint())) {
            return new TicketStore(client, TABLE_NAME, Clock.systemUTC(), new PageCursor(PageCursor.LOCAL_KEY))
                    .find(TICKET).orElseThrow().events().stream()
                            .filter(event -> event.type() == TicketEventType.ESCALATED)
                            .count();
        }
    }

    @Override
    public void stop() {
        for (String property :
                List.of("aws.endpointUrlDynamoDb", "aws.region", "aws.accessKeyId", "aws.secretAccessKey")) {
            System.clearProperty(property);
        }
        if (emulator != null) {
            emulator.close();
        }
    }
}
