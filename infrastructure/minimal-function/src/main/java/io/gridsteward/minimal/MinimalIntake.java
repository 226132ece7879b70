package io.gridsteward.minimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@code POST /v1/tickets}: the body's category, description and grid become a ticket item and its first event item,
 * written in one TransactWriteItems as the API's intake writes them, and the answer is 201 with the new id. Nothing
 * else: no validation, no organisations, no OpenAPI, the baseline of a Quarkus function doing that one write.
 */
@Path("/v1/tickets")
public class MinimalIntake {

    private final ObjectMapper json;
    private final String tableName;
    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    MinimalIntake(
            ObjectMapper json, @ConfigProperty(name = "table.name", defaultValue = "grid-steward") String tableName) {
        this.json = json;
        this.tableName = tableName;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(String body) throws IOException {
        JsonNode request = json.readTree(body);
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        Map<String, AttributeValue> ticket = Map.of(
                "pk",
                AttributeValue.fromS("TICKET#" + id),
                "sk",
                AttributeValue.fromS("TICKET"),
                "status",
                AttributeValue.fromS("REPORTED"),
                "gridId",
                AttributeValue.fromS(request.path("gridId").asText()),
                "category",
                AttributeValue.fromS(request.path("category").asText()),
                "description",
                AttributeValue.fromS(request.path("description").asText()),
                "reportedAt",
                AttributeValue.fromS(now));
        Map<String, AttributeValue> event = Map.of(
                "pk",
                AttributeValue.fromS("TICKET#" + id),
                "sk",
                AttributeValue.fromS("EVENT#0001"),
                "type",
                AttributeValue.fromS("REPORTED"),
                "occurredAt",
                AttributeValue.fromS(now));
        dynamoDb.transactWriteItems(transaction -> transaction.transactItems(
                TransactWriteItem.builder()
                        .put(put ->
                                put.tableName(tableName).item(ticket).conditionExpression("attribute_not_exists(pk)"))
                        .build(),
                TransactWriteItem.builder()
                        .put(put ->
                                put.tableName(tableName).item(event).conditionExpression("attribute_not_exists(pk)"))
                        .build()));
        return Response.status(Response.Status.CREATED)
                .entity(json.createObjectNode().put("id", id).put("status", "REPORTED"))
                .build();
    }
}
