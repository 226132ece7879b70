package io.gridsteward.api.organisation;

import static io.gridsteward.api.core.Requests.EAST_DISPATCHER;
import static io.gridsteward.api.core.Requests.POTHOLE;
import static io.gridsteward.api.core.Requests.RIVER_GRID_WORKER;
import static io.gridsteward.api.core.Requests.staff;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.Requests;
import io.gridsteward.http.ProblemType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A token's role must fit the kind of its organisation, whatever the route. */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
class CallerOrganisationApiTest {

    private static final Map<String, String> DEPARTMENT_OFFICER_OF_A_GRID =
            staff("user-fake-officer", "DEPARTMENT_OFFICER", "grid-river-1");
    private static final Map<String, String> GRID_WORKER_OF_A_TOWN =
            staff("user-fake-worker", "GRID_WORKER", "town-east");
    private static final Map<String, String> SECRETARY_OF_NO_ORGANISATION =
            staff("user-fake-secretary", "COMMUNITY_SECRETARY", "community-nowhere");

    @Inject
    DynamoDbClient dynamoDb;

    @Test
    void aDepartmentOfficerWhoseOrganisationIsAGridCannotAcceptTheGridsTicket() {
        String id = Requests.dispatched();
        long itemsBefore = Requests.partition(dynamoDb, "TICKET#" + id).size();

        ApiGateway.Reply reply = Requests.step(DEPARTMENT_OFFICER_OF_A_GRID, id, "accept", "{}");

        assertForbidden(reply);
        assertThat(reply.body().path("detail").asText())
                .contains("DEPARTMENT_OFFICER", "DEPARTMENT", "grid-river-1", "GRID");
        assertThat(Requests.partition(dynamoDb, "TICKET#" + id)).hasSize((int) itemsBefore);
    }

    @Test
    void aGridWorkerWhoseOrganisationIsATownCannotListAGridsTickets() {
        assertForbidden(Requests.get(GRID_WORKER_OF_A_TOWN, "/v1/grids/grid-river-1/tickets"));
        assertForbidden(Requests.post(GRID_WORKER_OF_A_TOWN, "/v1/tickets", POTHOLE));
    }

    @Test
    void aTokenNamingNoOrganisationOfTheCountyIsRefused() {
        assertForbidden(Requests.get(SECRETARY_OF_NO_ORGANISATION, "/v1/orgs/county"));
    }

    @Test
    void callersWhoseRoleFitsTheirOrganisationGoOnAsBefore() {
        assertThat(Requests.get(RIVER_GRID_WORKER, "/v1/grids/grid-river-1/tickets")
                        .status())
                .isEqualTo(200);
        assertThat(Requests.get(EAST_DISPATCHER, "/v1/towns/town-east/queue").status())
                .isEqualTo(200);
    }

    private static void assertForbidden(ApiGateway.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.body().path("type").asText()).isEqualTo(ProblemType.FORBIDDEN.uri());
    }
}
