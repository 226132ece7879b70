package io.gridsteward.api.core;

import io.gridsteward.domain.core.Location;
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
 * The project's DynamoDB emulator for the function under test, with the contract's table and a small county in
 * it. The function finds it the way it finds DynamoDB anywhere: through the SDK's own endpoint setting
 * ({@code aws.endpointUrlDynamoDb}, the system-property twin of {@code AWS_ENDPOINT_URL_DYNAMODB}).
 */
public class LocalTableResource implements QuarkusTestResourceLifecycleManager {

    public static final String TABLE_NAME = "grid-steward-api-test";

    public static final OrganisationId COUNTY = new OrganisationId("county");
    public static final OrganisationId EAST_TOWN = new OrganisationId("town-east");
    public static final OrganisationId WEST_TOWN = new OrganisationId("town-west");
    public static final OrganisationId RIVER_COMMUNITY = new OrganisationId("community-river");
    public static final OrganisationId HILL_COMMUNITY = new OrganisationId("community-hill");
    public static final List<Organisation> ORGANISATIONS = List.of(
            Organisation.county(COUNTY, "Demo County"),
            Organisation.town(EAST_TOWN, "East Town", COUNTY),
            Organisation.town(WEST_TOWN, "West Town", COUNTY),
            Organisation.community(RIVER_COMMUNITY, "River Community", EAST_TOWN),
            Organisation.community(HILL_COMMUNITY, "Hill Community", WEST_TOWN),
            Organisation.grid(new OrganisationId("grid-river-1"), "River Grid 1", RIVER_COMMUNITY, EAST_TOWN)
                    .withCentre(new Location(30.251, 120.161)),
            Organisation.grid(new OrganisationId("grid-river-2"), "River Grid 2", RIVER_COMMUNITY, EAST_TOWN),
            Organisation.grid(new OrganisationId("grid-hill-1"), "Hill Grid 1", HILL_COMMUNITY, WEST_TOWN),
            Organisation.department(new OrganisationId("dept-water"), "Water Bureau", COUNTY),
            // The resource context's second community in East Town and two resident units (驻区单位).
            Organisation.community(new OrganisationId("community-lake"), "Lake Community", EAST_TOWN),
            Organisation.grid(
                    new OrganisationId("grid-lake-1"), "Lake Grid 1", new OrganisationId("community-lake"), EAST_TOWN),
            Organisation.unit(new OrganisationId("unit-school"), "No. 1 School", COUNTY),
            Organisation.unit(new OrganisationId("unit-hospital"), "County Hospital", COUNTY));

    private DynamoDbEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        System.setProperty("aws.endpointUrlDynamoDb", emulator.endpoint().toString());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try (DynamoDbClient client = EmulatorClients.dynamoDb(emulator.endpoint())) {
            client.createTable(TableDefinition.createRequest(TABLE_NAME));
            OrganisationStore organisations = new OrganisationStore(client, TABLE_NAME);
            ORGANISATIONS.forEach(organisations::put);
        }
        return Map.of("table.name", TABLE_NAME, "routing.rules", "bundled");
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
