package io.gridsteward.dashboard;

import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.organisation.OrganisationStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The project's DynamoDB emulator with the county's structure, found by the function the SDK's way
 * ({@code aws.endpointUrlDynamoDb}). Two towns of two and one communities for the authorization matrix, and town-1
 * with the grids and department ({@code unit-7}) of {@link LakeTestResource}'s lake.
 */
public class CountyTableResource implements QuarkusTestResourceLifecycleManager {

    static final String TABLE_NAME = "grid-steward-dashboard-test";

    static final OrganisationId COUNTY = new OrganisationId("county");
    static final OrganisationId EAST_TOWN = new OrganisationId("town-east");
    static final OrganisationId WEST_TOWN = new OrganisationId("town-west");
    static final OrganisationId EAST_COMMUNITY = new OrganisationId("community-east-1");
    static final OrganisationId EAST_SECOND_COMMUNITY = new OrganisationId("community-east-2");
    static final OrganisationId WEST_COMMUNITY = new OrganisationId("community-west-1");
    static final OrganisationId TOWN_1 = new OrganisationId("town-1");
    static final OrganisationId COMMUNITY_1 = new OrganisationId("community-1");

    /** The grids of the two towns, in which the matrix's lake has tickets. */
    static final List<Organisation> MATRIX_GRIDS = List.of(
            Organisation.grid(new OrganisationId("grid-east-1a"), "East 1 A", EAST_COMMUNITY, EAST_TOWN),
            Organisation.grid(new OrganisationId("grid-east-1b"), "East 1 B", EAST_COMMUNITY, EAST_TOWN),
            Organisation.grid(new OrganisationId("grid-east-2a"), "East 2 A", EAST_SECOND_COMMUNITY, EAST_TOWN),
            Organisation.grid(new OrganisationId("grid-west-1a"), "West 1 A", WEST_COMMUNITY, WEST_TOWN),
            Organisation.grid(new OrganisationId("grid-west-1b"), "West 1 B", WEST_COMMUNITY, WEST_TOWN));

    static final List<Organisation> DEPARTMENTS = List.of(
            Organisation.department(new OrganisationId("dept-water"), "Water Bureau", COUNTY),
            Organisation.department(new OrganisationId("dept-roads"), "Roads Bureau", COUNTY),
            Organisation.department(new OrganisationId("unit-7"), "Works Bureau", COUNTY));

    static final List<Organisation> ORGANISATIONS = concat(
            List.of(
                    Organisation.county(COUNTY, "Demo County"),
                    Organisation.town(EAST_TOWN, "East Town", COUNTY),
                    Organisation.town(WEST_TOWN, "West Town", COUNTY),
                    Organisation.town(TOWN_1, "Town 1", COUNTY),
                    Organisation.community(EAST_COMMUNITY, "East Community 1", EAST_TOWN),
                    Organisation.community(EAST_SECOND_COMMUNITY, "East Community 2", EAST_TOWN),
                    Organisation.community(WEST_COMMUNITY, "West Community 1", WEST_TOWN),
                    Organisation.community(COMMUNITY_1, "Community 1", TOWN_1),
                    Organisation.grid(new OrganisationId("grid-east"), "Grid East", COMMUNITY_1, TOWN_1),
                    Organisation.grid(new OrganisationId("grid-west"), "Grid West", COMMUNITY_1, TOWN_1),
                    Organisation.grid(new OrganisationId("grid-north"), "Grid North", COMMUNITY_1, TOWN_1),
                    Organisation.unit(new OrganisationId("unit-school"), "No. 1 Middle School", COUNTY)),
            MATRIX_GRIDS,
            DEPARTMENTS);

    private DynamoDbEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        // Only the endpoint: region and credentials are LakeTestResource's (the emulator takes any).
        System.setProperty("aws.endpointUrlDynamoDb", emulator.endpoint().toString());
        try (DynamoDbClient client = EmulatorClients.dynamoDb(emulator.endpoint())) {
            client.createTable(TableDefinition.createRequest(TABLE_NAME));
            OrganisationStore organisations = new OrganisationStore(client, TABLE_NAME);
            ORGANISATIONS.forEach(organisations::put);
        }
        return Map.of("table.name", TABLE_NAME);
    }

    @Override
    public void stop() {
        System.clearProperty("aws.endpointUrlDynamoDb");
        if (emulator != null) {
            emulator.close();
        }
    }

    @SafeVarargs
    private static List<Organisation> concat(List<Organisation>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
