package io.gridsteward.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.LocalStackOptions;
import io.gridsteward.local.StackSeeding;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.fund.FundStore;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.party.PartyStore;
import io.gridsteward.store.resource.ResourceStore;
import io.gridsteward.store.ticket.TicketStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Puts the demo county in the table through the store, the demo tickets through the HTTP front with the demo
 * users' tokens, so they take the whole path (API, table, stream, lake-writer, Parquet, dashboard), and a past month
 * through the domain and the store (a back-dated month cannot go through an API that stamps the clock). It runs as
 * soon as the stack's front serves: the writes through the store go alongside the functions' cold starts.
 */
public final class DemoSeeder implements StackSeeding {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEMO_MONTH_TICKETS = 300;
    private static final long DEMO_MONTH_SEED = 20261101L;
    private final DemoCounty county;

    public DemoSeeder(DemoCounty county) {
        this.county = county;
    }

    /**
     * The organisations on a fresh table; the demo tickets and the past month too unless {@code --no-demo-data}. The
     * contexts are written through the store side by side once the organisations are there (their items and events
     * do not meet, and each keeps its own seeded order), then the demo tickets through the front.
     */
    @Override
    public boolean seed(LocalStack stack, LocalStackOptions options, PrintStream console) throws Exception {
        long started = System.nanoTime();
        if (!seedOrganisations(new OrganisationStore(stack.dynamoDb(), LocalStack.TABLE_NAME))) {
            return false;
        }
        console.println(
                "demo data: seeded the county's " + county.organisations().size() + " organisations");
        if (options.demoData()) {
            List<Callable<String>> contexts = List.of(
                    () -> "a past month of " + DEMO_MONTH_TICKETS + " tickets ("
                            + new DemoMonth(county)
                                    .write(
                                            new TicketStore(
                                                    stack.dynamoDb(),
                                                    LocalStack.TABLE_NAME,
                                                    Clock.systemUTC(),
                                                    PageCursor.ephemeral()),
                                            Instant.now(),
                                            DEMO_MONTH_TICKETS,
                                            DEMO_MONTH_SEED)
                            + " events) written to the table",
                    () -> "a year of party members and activities: "
                            + new PartyDemo(county)
                                    .write(
                                            new PartyStore(
                                                    stack.dynamoDb(),
                                                    LocalStack.TABLE_NAME,
                                                    Clock.systemUTC(),
                                                    PageCursor.ephemeral()),
                                            Instant.now(),
                                            DEMO_MONTH_SEED),
                    () -> "a fiscal year of fund allocations, delegated tasks and "
                            + new FundYear(county)
                                    .write(
                                            new FundStore(
                                                    stack.dynamoDb(),
                                                    LocalStack.TABLE_NAME,
                                                    Clock.systemUTC(),
                                                    PageCursor.ephemeral()),
                                            Instant.now(),
                                            DEMO_MONTH_SEED)
                            + " claims written to the table",
                    () -> "a past year of resources moved down ("
                            + new ResourceDemo(county)
                                    .write(
                                            new OrganisationStore(stack.dynamoDb(), LocalStack.TABLE_NAME),
                                            new ResourceStore(
                                                    stack.dynamoDb(),
                                                    LocalStack.TABLE_NAME,
                                                    Clock.systemUTC(),
                                                    PageCursor.ephemeral()),
                                            Instant.now(),
                                            DEMO_MONTH_SEED)
                            + " events) written to the table");
            List<Future<String>> written;
            try (ExecutorService parallel =
                    Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
                written = contexts.stream()
                        .map(context -> parallel.submit(() -> {
                            long contextStarted = System.nanoTime();
                            String line = context.call();
                            console.printf(
                                    "demo data: %s (%d ms)%n", line, (System.nanoTime() - contextStarted) / 1_000_000);
                            return line;
                        }))
                        .toList();
            }
            for (Future<String> context : written) {
                try {
                    context.get();
                } catch (ExecutionException failure) {
                    throw failure.getCause() instanceof Exception cause ? cause : failure;
                }
            }
            // Through the front last, on a warm API: its cold start and first requests would otherwise share the
            // cores with the writers above, and a loaded machine could take the API past its timeout.
            stack.awaitFrontFunctions();
            int tickets = seedTickets(
                    stack.httpEndpoint(), user -> stack.tokenFor(user.userId(), user.role(), user.organisationId()));
            console.println("demo data: reported " + tickets + " tickets through the API and dispatched some");
        }
        console.printf("demo data done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        return options.demoData();
    }

    /** Writes the organisations unless the county is already there; true if it wrote them. */
    public boolean seedOrganisations(OrganisationStore store) {
        if (store.find(new OrganisationId(county.county().id())).isPresent()) {
            return false;
        }
        county.organisations().forEach(store::put);
        return true;
    }

    /**
     * Reports every demo ticket and dispatches those that have an assignee and were not routed on intake; {@code tokens} gives a demo user's
     * bearer token. Returns how many tickets were reported.
     */
    public int seedTickets(URI front, Function<DemoCounty.User, String> tokens)
            throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int reported = 0;
        for (int index = 0; index < county.tickets().size(); index++) {
            DemoCounty.DemoTicket ticket = county.tickets().get(index);
            DemoCounty.User reporter = county.user(ticket.reporter());
            ObjectNode body = JSON.createObjectNode()
                    .put("category", ticket.category())
                    .put("description", ticket.description())
                    .put("gridId", ticket.gridId());
            body.putObject("location").put("latitude", ticket.latitude()).put("longitude", ticket.longitude());
            JsonNode created = send(
                    client,
                    front.resolve("/v1/tickets"),
                    tokens.apply(reporter),
                    body,
                    "demo-ticket-" + (index + 1),
                    201);
            reported++;
            // Auto-routing may already have dispatched it on intake; the dispatcher only handles what waits in the
            // queue.
            if (ticket.dispatchTo() != null
                    && "REPORTED".equals(created.path("status").asText())) {
                DemoCounty.User dispatcher = county.dispatcherOf(county.townOf(ticket.gridId()));
                ObjectNode dispatch = JSON.createObjectNode()
                        .put("assigneeOrgId", ticket.dispatchTo())
                        .put("expectedVersion", created.path("version").asLong());
                send(
                        client,
                        front.resolve("/v1/tickets/" + created.path("id").asText() + "/dispatch"),
                        tokens.apply(dispatcher),
                        dispatch,
                        null,
                        200);
            }
        }
        return reported;
    }

    private static JsonNode send(
            HttpClient client, URI uri, String token, JsonNode body, String idempotencyKey, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IOException(
                    "demo data: " + uri.getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
