package io.gridsteward.demo.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.demo.DemoCounty;
import io.gridsteward.demo.DemoSeeder;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.LocalStackOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One run, one comparison: the p50 of a ticket intake through the HTTP front (front → API Gateway event → api
 * function in its JVM → TransactWriteItems on the emulator → answer) against the p50 of a bare TransactWriteItems
 * of the same items on the same emulator, sent straight from this JVM. The difference is what the HTTP path costs.
 *
 * <p>{@code java -cp infrastructure/demo-data/target/grid-steward-demo.jar io.gridsteward.demo.benchmark.IntakeBenchmark [intakes] [projectDirectory]}
 */
public final class IntakeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP = 20;

    private IntakeBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        int intakes = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 200;
        Path project = Path.of(arguments.length > 1 ? arguments[1] : ".");
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dataDirectory = Files.createTempDirectory("grid-steward-benchmark");
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options = LocalStackOptions.ephemeral(dataDirectory, project);
        try (LocalStack stack = LocalStack.start(options, county.demoUsers(), console)) {
            new DemoSeeder(county).seed(stack, options, console);
            console.println("stack started in " + stack.startUp().toMillis() + " ms; " + WARM_UP
                    + " warm-up intakes, then " + intakes + " measured");
            HttpClient client = HttpClient.newHttpClient();
            String token = stack.tokenFor("benchmark-resident", "RESIDENT", null);
            for (int index = 0; index < WARM_UP; index++) {
                intake(client, stack.httpEndpoint(), token, index);
            }
            List<Long> httpNanos = new ArrayList<>();
            List<String> ticketIds = new ArrayList<>();
            for (int index = 0; index < intakes; index++) {
                long started = System.nanoTime();
                String ticketId = intake(client, stack.httpEndpoint(), token, WARM_UP + index);
                httpNanos.add(System.nanoTime() - started);
                ticketIds.add(ticketId);
            }

            DynamoDbClient dynamoDb = stack.dynamoDb();
            List<Long> bareNanos = new ArrayList<>();
            for (String ticketId : ticketIds) {
                List<TransactWriteItem> copies = copiesOf(dynamoDb, ticketId);
                long started = System.nanoTime();
                dynamoDb.transactWriteItems(request -> request.transactItems(copies));
                bareNanos.add(System.nanoTime() - started);
            }

            double http = median(httpNanos);
            double bare = median(bareNanos);
            console.printf("ticket intake through the HTTP front: p50 %.2f ms (%d intakes)%n", http, intakes);
            console.printf(
                    "bare TransactWriteItems, same items:  p50 %.2f ms (%d transactions)%n", bare, bareNanos.size());
            console.printf("the HTTP path costs %.2f ms more at the median (%.1fx)%n", http - bare, http / bare);
            stack.functionStatistics()
                    .forEach((name, statistics) -> console.println("function " + name + ": " + statistics.describe()));
        }
    }

    private static String intake(HttpClient client, URI front, String token, int index)
            throws IOException, InterruptedException {
        String body = """
                {"category":"streetlight","description":"benchmark ticket %d","gridId":"grid-hebin-%d",
                 "location":{"latitude":30.251,"longitude":120.161}}""".formatted(index, index % 5 + 1);
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(front.resolve("/v1/tickets"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("intake answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** The intake's own items (the ticket and its REPORTED event), as puts under a fresh key with the same conditions. */
    private static List<TransactWriteItem> copiesOf(DynamoDbClient dynamoDb, String ticketId) {
        String partition = "TICKET#" + ticketId;
        List<Map<String, AttributeValue>> items = dynamoDb.query(request -> request.tableName(LocalStack.TABLE_NAME)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))))
                .items();
        if (items.isEmpty()) {
            throw new UncheckedIOException(new IOException("ticket " + ticketId + " has no items in the table"));
        }
        return items.stream()
                .map(item -> {
                    Map<String, AttributeValue> copy = new HashMap<>(item);
                    copy.put("pk", AttributeValue.fromS(partition + "-copy"));
                    return TransactWriteItem.builder()
                            .put(put -> put.tableName(LocalStack.TABLE_NAME)
                                    .item(copy)
                                    .conditionExpression("attribute_not_exists(pk)"))
                            .build();
                })
                .toList();
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2) / 1e6;
    }
}
