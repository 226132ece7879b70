package io.gridsteward.api.fund;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.api.core.InterleavedReads;
import io.gridsteward.api.core.UploadBucket;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.FiscalYear;
import io.gridsteward.domain.fund.FundKind;
import io.gridsteward.domain.fund.FundRules;
import io.gridsteward.domain.fund.Ledger;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.fund.FundStore;
import io.gridsteward.store.organisation.OrganisationStore;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A claim's submission retried with the same Idempotency-Key while the first is still running, on an account holding
 * exactly the claim's amount: whichever of this request's reads the other one commits after, this request answers as
 * the other's retry (201, replayed), never a refusal for want of money, and the money is reserved once.
 */
class SubmissionRetryInterleavingTest {

    private static final String TABLE = "submission-interleaving";
    private static final Instant NOW = Instant.parse("2026-03-07T02:00:00Z");
    private static final OrganisationId TOWN = new OrganisationId("town-east");
    private static final Organisation RIVER =
            Organisation.community(new OrganisationId("community-river"), "River", TOWN);
    private static final Caller SUPERVISOR = Caller.staff("user-supervisor", Role.TOWN_SUPERVISOR, TOWN);
    private static final Money AMOUNT = Money.ofFen(12_345);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;
    private static UploadBucket bucket;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeAll
    static void startTable() {
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        client = EmulatorClients.dynamoDb(emulator.endpoint());
        client.createTable(TableDefinition.createRequest(TABLE));
        new OrganisationStore(client, TABLE).put(RIVER);
        // Submissions without receipts never ask the bucket anything; its client wants a region all the same.
        System.setProperty("aws.region", "us-east-1");
        bucket = new UploadBucket("receipts-never-asked", true);
    }

    @AfterAll
    static void stopTable() {
        bucket.close();
        System.clearProperty("aws.region");
        client.close();
        emulator.close();
    }

    @Test
    void aRetryCommittingAfterAnyReadOfThisSubmissionIsAnsweredAsThatRetry() {
        int interleavings = 0;
        for (int read = 1; ; read++) {
            Organisation grid =
                    Organisation.grid(new OrganisationId("grid-" + NEXT.incrementAndGet()), "Grid", RIVER.id(), TOWN);
            Account account = fundedAccount(grid);
            String leader = "leader-" + grid.id().value();
            String body = """
                    {"accountId":"%s","amountFen":%d,"purpose":"party-activity","served":{"kind":"ACTIVITY","id":"a-1"}}""".formatted(account.id().value(), AMOUNT.fen());
            APIGatewayV2HTTPEvent event =
                    event(leader, grid.id(), "submit-" + grid.id().value());
            AtomicInteger reads = new AtomicInteger();
            int commitAfter = read;
            boolean[] committed = {false};
            FundClaimResource hooked = resource(InterleavedReads.of(client, () -> {
                if (reads.incrementAndGet() == commitAfter) {
                    Response other = resource(client).submit(event, uri(), body);
                    assertThat(other.getStatus()).isEqualTo(201);
                    assertThat(other.getHeaderString(IdempotencyHeader.REPLAYED))
                            .isEqualTo("false");
                    committed[0] = true;
                }
            }));

            Response answer = hooked.submit(event, uri(), body);

            if (!committed[0]) {
                // Past this request's last read: every interleaving has been tried.
                assertThat(answer.getHeaderString(IdempotencyHeader.REPLAYED)).isEqualTo("false");
                break;
            }
            interleavings++;
            assertThat(answer.getStatus())
                    .as("the other submission committed after read %d", read)
                    .isEqualTo(201);
            assertThat(answer.getHeaderString(IdempotencyHeader.REPLAYED))
                    .as("the other submission committed after read %d", read)
                    .isEqualTo("true");
            Account after = store(client).findAccount(account.id()).orElseThrow();
            assertThat(after.available()).as("reserved once").isEqualTo(Money.ofFen(0));
        }
        // The account and the key's record at least.
        assertThat(interleavings).isGreaterThanOrEqualTo(2);
    }

    private Account fundedAccount(Organisation grid) {
        new OrganisationStore(client, TABLE).put(grid);
        FundStore store = store(client);
        Account opened =
                store.open(Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, new FiscalYear(2026), grid, SUPERVISOR));
        store.move(Ledger.allocate(
                opened, AMOUNT, "allocation-" + NEXT.incrementAndGet(), SUPERVISOR, NOW, Optional.empty()));
        return store.findAccount(opened.id()).orElseThrow();
    }

    private static APIGatewayV2HTTPEvent event(String leader, OrganisationId grid, String key) {
        return InterleavedReads.keyedRequest(
                Map.of("sub", leader, "custom:role", "GRID_PARTY_LEADER", "custom:org_id", grid.value()), key);
    }

    /** The request's URI as the resource builds the new claim's Location from it. */
    private static UriInfo uri() {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getBaseUriBuilder")) {
                        return UriBuilder.fromUri("https://api.grid-steward.local/");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private FundClaimResource resource(DynamoDbClient dynamoDb) {
        return new FundClaimResource(
                store(dynamoDb),
                FundRules.bundled(),
                new ReceiptUploads(bucket),
                clock,
                () -> "claim-" + NEXT.incrementAndGet(),
                new ObjectMapper());
    }

    private FundStore store(DynamoDbClient dynamoDb) {
        return new FundStore(dynamoDb, TABLE, clock, new PageCursor(PageCursor.LOCAL_KEY));
    }
}
