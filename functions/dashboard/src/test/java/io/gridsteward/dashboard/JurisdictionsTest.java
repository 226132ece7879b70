package io.gridsteward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.analytics.metrics.Dimension;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.http.ProblemType;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.organisation.OrganisationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The jurisdiction read from the table through the organisation store, kept for its time to live. */
class JurisdictionsTest {

    private static final String TABLE = "jurisdictions-test";
    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;

    @BeforeAll
    static void startTable() {
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        client = EmulatorClients.dynamoDb(emulator.endpoint());
        client.createTable(TableDefinition.createRequest(TABLE));
        OrganisationStore organisations = new OrganisationStore(client, TABLE);
        CountyTableResource.ORGANISATIONS.forEach(organisations::put);
    }

    @AfterAll
    static void stopTable() {
        client.close();
        emulator.close();
    }

    @Test
    void aNewGridIsSeenOnceTheKeptTreeHasExpired() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
        Jurisdictions jurisdictions =
                new Jurisdictions(new OrganisationStore(client, TABLE), clock, Duration.ofMinutes(5));
        Caller secretary =
                Caller.staff("user-west-secretary", Role.COMMUNITY_SECRETARY, new OrganisationId("community-west-1"));
        assertThat(jurisdictions.of(secretary).organisationIds())
                .containsExactlyInAnyOrder("community-west-1", "grid-west-1a", "grid-west-1b");

        new OrganisationStore(client, TABLE)
                .put(Organisation.grid(
                        new OrganisationId("grid-west-1c"),
                        "West 1 C",
                        new OrganisationId("community-west-1"),
                        new OrganisationId("town-west")));
        clock.advance(Duration.ofMinutes(4));
        assertThat(jurisdictions.of(secretary).contains("grid-west-1c"))
                .as("still the kept tree")
                .isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(jurisdictions.of(secretary).contains("grid-west-1c")).isTrue();
    }

    @Test
    void aScopeNarrowsToAnOrganisationInSightAndAnyOtherIsNotFound() {
        Jurisdictions jurisdictions = new Jurisdictions(
                new OrganisationStore(client, TABLE), new MutableClock(Instant.EPOCH), Duration.ofMinutes(5));
        Jurisdiction town = jurisdictions.of(
                Caller.staff("user-east-supervisor", Role.TOWN_SUPERVISOR, new OrganisationId("town-east")));

        Jurisdiction community = jurisdictions.within(town, Optional.of(new OrganisationId("community-east-2")));

        assertThat(community.organisationIds()).containsExactlyInAnyOrder("community-east-2", "grid-east-2a");
        assertThat(community.shows(Dimension.GRID, Map.of("dimension_value", "grid-east-2a")))
                .isTrue();
        assertThat(community.shows(
                        Dimension.TOWN, Map.of("dimension_value", "town-east", "responsible_org_id", "grid-east-2a")))
                .isTrue();
        assertThat(community.shows(
                        Dimension.TOWN, Map.of("dimension_value", "town-east", "responsible_org_id", "dept-water")))
                .isFalse();
        assertThat(community.shows(Dimension.CATEGORY, Map.of("dimension_value", "ROAD_DAMAGE")))
                .isFalse();
        for (String outside :
                new String[] {"town-west", "grid-west-1a", "county", "dept-water", "no-such-organisation"}) {
            assertThatThrownBy(() -> jurisdictions.within(town, Optional.of(new OrganisationId(outside))))
                    .isInstanceOfSatisfying(
                            Refusal.class, refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.NOT_FOUND));
        }
    }
}
