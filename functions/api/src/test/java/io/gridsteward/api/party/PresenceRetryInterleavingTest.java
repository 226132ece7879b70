package io.gridsteward.api.party;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.api.core.InterleavedReads;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.party.Activity;
import io.gridsteward.domain.party.ActivityDraft;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.ActivityKind;
import io.gridsteward.domain.party.ActivityWindow;
import io.gridsteward.domain.party.CheckInTokens;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentChange;
import io.gridsteward.domain.party.EnrolmentRequest;
import io.gridsteward.domain.party.Geofence;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.party.PartyStore;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A check-in or check-out retried with the same Idempotency-Key while the first is still running (a client's retry on
 * a timeout, served by a second instance of the function): whichever of this request's reads the other one commits
 * after, this request answers as the other's retry, never a 409 and never a second attendance. The other request is
 * made to commit right after this request's n-th read of the table, for every n, by a client that delegates to the
 * emulator and runs the other request at that moment.
 */
class PresenceRetryInterleavingTest {

    private static final String TABLE = "presence-interleaving";
    private static final Instant NOW = Instant.parse("2026-03-07T02:00:00Z");
    private static final Organisation RIVER =
            Organisation.community(new OrganisationId("community-river"), "River", new OrganisationId("town-east"));
    private static final Organisation RIVER_ONE = Organisation.grid(
                    new OrganisationId("grid-river-1"), "River 1", RIVER.id(), new OrganisationId("town-east"))
            .withCentre(new Location(30.251, 120.161));
    private static final Caller SECRETARY = Caller.staff("secretary-river", Role.COMMUNITY_SECRETARY, RIVER.id());
    private static final Caller LEADER = Caller.staff("leader-river-1", Role.GRID_PARTY_LEADER, RIVER_ONE.id());
    private static final Location CENTRE = new Location(30.251, 120.161);
    private static final PartyRules RULES = PartyRules.bundled(new OrganisationId("county-qingshan"));
    private static final AtomicInteger NEXT = new AtomicInteger();

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CheckInTokens tokens = new CheckInTokens(
            "a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII),
            RULES.tokenValidity(),
            () -> "nonce-" + NEXT.incrementAndGet());

    @BeforeAll
    static void startTable() {
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        client = EmulatorClients.dynamoDb(emulator.endpoint());
        client.createTable(TableDefinition.createRequest(TABLE));
        OrganisationStore organisations = new OrganisationStore(client, TABLE);
        List.of(RIVER, RIVER_ONE).forEach(organisations::put);
    }

    @AfterAll
    static void stopTable() {
        client.close();
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"check-in", "check-out"})
    void aRetryCommittingAfterAnyReadOfThisRequestIsAnsweredAsThatRetry(String step) {
        int interleavings = 0;
        for (int read = 1; ; read++) {
            Subject subject = subject(step);
            AtomicInteger reads = new AtomicInteger();
            int commitAfter = read;
            boolean[] committed = {false};
            ActivityResource hooked = resource(InterleavedReads.of(client, () -> {
                if (reads.incrementAndGet() == commitAfter) {
                    Response other = send(resource(client), step, subject);
                    assertThat(other.getStatus()).isEqualTo(200);
                    assertThat(other.getHeaderString(IdempotencyHeader.REPLAYED))
                            .isEqualTo("false");
                    committed[0] = true;
                }
            }));

            Response answer = send(hooked, step, subject);

            if (!committed[0]) {
                // Past this request's last read: every interleaving has been tried.
                assertThat(answer.getHeaderString(IdempotencyHeader.REPLAYED)).isEqualTo("false");
                break;
            }
            interleavings++;
            assertThat(answer.getStatus())
                    .as("%s with the other request committed after read %d", step, read)
                    .isEqualTo(200);
            assertThat(answer.getHeaderString(IdempotencyHeader.REPLAYED))
                    .as("%s with the other request committed after read %d", step, read)
                    .isEqualTo("true");
            PartyStore store = store(client);
            assertThat(store.attendanceEvents(subject.activity().id(), subject.member()))
                    .as("one event per step taken")
                    .hasSize(step.equals("check-in") ? 1 : 2);
        }
        // Activity, sign-up, attendance and the key's record at least: fewer would mean the hook missed reads.
        assertThat(interleavings).isGreaterThanOrEqualTo(3);
    }

    /** A member signed up for a running activity, and the request their retries repeat: one key, one body. */
    private record Subject(Activity activity, EnrolleeId member, String key, String body) {}

    private Subject subject(String step) {
        PartyStore store = store(client);
        String id = "member-" + NEXT.incrementAndGet();
        EnrolleeId member = new EnrolleeId(id);
        EnrolmentChange reported = Enrolment.reportIn(
                member,
                new EnrolmentRequest(
                        EnrolleeKind.IN_SERVICE_MEMBER,
                        Optional.of(new OrganisationId("unit-school")),
                        List.of("first aid"),
                        List.of(ActivityKind.SERVICE),
                        Optional.empty()),
                RIVER,
                Caller.resident(id),
                NOW.minus(Duration.ofDays(2)));
        store.create(reported);
        EnrolmentChange confirmed =
                reported.enrolment().confirm(Optional.of(RIVER_ONE), SECRETARY, NOW.minus(Duration.ofDays(1)));
        store.transition(confirmed, 1);
        Instant start = NOW.minus(Duration.ofMinutes(30));
        Activity activity = Activity.publish(
                new ActivityId("activity-" + NEXT.incrementAndGet()),
                new ActivityDraft(
                        ActivityKind.SERVICE,
                        "Tidy the courtyard",
                        new ActivityWindow(start, start.plus(Duration.ofHours(2))),
                        new Geofence(CENTRE, 100),
                        10),
                RIVER_ONE,
                LEADER,
                NOW.minus(Duration.ofDays(1)));
        store.create(activity);
        store.signUp(activity.signUp(confirmed.enrolment(), Caller.resident(id), NOW.minus(Duration.ofHours(1))));
        Subject subject = new Subject(activity, member, "retry-" + id, presence(activity));
        if (step.equals("check-out")) {
            Response checkedIn =
                    send(resource(client), "check-in", new Subject(activity, member, "in-" + id, presence(activity)));
            assertThat(checkedIn.getStatus()).isEqualTo(200);
        }
        return subject;
    }

    /** A check-in or check-out's body: a code of its own, since a code serves one step. */
    private String presence(Activity activity) {
        return "{\"token\":\"%s\",\"position\":{\"latitude\":%s,\"longitude\":%s}}"
                .formatted(tokens.issue(activity.id(), NOW).value(), CENTRE.latitude(), CENTRE.longitude());
    }

    private Response send(ActivityResource resource, String step, Subject subject) {
        APIGatewayV2HTTPEvent event = event(subject);
        String activity = subject.activity().id().value();
        return step.equals("check-in")
                ? resource.checkIn(event, activity, subject.body())
                : resource.checkOut(event, activity, subject.body());
    }

    private static APIGatewayV2HTTPEvent event(Subject subject) {
        return InterleavedReads.keyedRequest(
                Map.of("sub", subject.member().value(), "custom:role", "RESIDENT"), subject.key());
    }

    private ActivityResource resource(DynamoDbClient dynamoDb) {
        return new ActivityResource(
                store(dynamoDb),
                new OrganisationStore(dynamoDb, TABLE),
                clock,
                () -> "unused-" + NEXT.incrementAndGet(),
                new ObjectMapper(),
                RULES,
                tokens);
    }

    private PartyStore store(DynamoDbClient dynamoDb) {
        return new PartyStore(dynamoDb, TABLE, clock, new PageCursor(PageCursor.LOCAL_KEY));
    }
}
