package io.gridsteward.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OpenAPI document across the contexts: a generated client gets one method per operation, so no two share an id. */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
class OpenApiOperationsTest {

    @Test
    void everyOperationOfEveryContextHasAnIdOfItsOwn() {
        JsonNode document = ApiGateway.send(ApiGateway.event(
                        "GET", "/v1/openapi", Optional.empty(), Optional.empty(), Map.of("accept", "application/json")))
                .body();
        List<String> operationIds = new ArrayList<>();
        document.path("paths")
                .forEach(path -> path.properties().stream()
                        .filter(field ->
                                List.of("get", "put", "post", "delete", "patch").contains(field.getKey()))
                        .forEach(field -> operationIds.add(
                                field.getValue().path("operationId").asText())));

        assertThat(operationIds)
                .hasSizeGreaterThan(60)
                .doesNotContain("")
                .doesNotHaveDuplicates()
                .contains(
                        "FundAccountResource_find",
                        "ActivityResource_publish",
                        "OffersResource_publish",
                        "TicketResource_find");
    }
}
