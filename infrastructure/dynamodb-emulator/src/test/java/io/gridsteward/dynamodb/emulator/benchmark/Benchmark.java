package io.gridsteward.dynamodb.emulator.benchmark;

import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Operations per second and p50/p99 latency of PutItem, GetItem, Query and TransactWriteItems through the AWS SDK over
 * loopback, with 1 and 8 client threads, plus the emulator's start-up time. Each measurement runs for a fixed time
 * (argument 1, seconds, default 3) after a warm-up, so the whole run is bounded.
 * Run: {@code ./mvnw -q -pl infrastructure/dynamodb-emulator test-compile exec:java [-Dexec.args=5]}.
 */
public final class Benchmark {
    private static final String TABLE = "benchmark";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private interface Action {
        void run(DynamoDbClient client, int thread);
    }

    private Benchmark() {}

    public static void main(String[] arguments) throws Exception {
        Duration measured = Duration.ofSeconds(arguments.length > 0 ? Long.parseLong(arguments[0]) : 3);
        long startedAt = System.nanoTime();
        DynamoDbEmulator first = DynamoDbEmulator.start(0, Optional.empty());
        long coldStart = System.nanoTime() - startedAt;
        long firstAnswer = firstAnswerNanos(first, startedAt);
        first.close();
        startedAt = System.nanoTime();
        DynamoDbEmulator emulator = DynamoDbEmulator.start(0, Optional.empty());
        long warmStart = System.nanoTime() - startedAt;
        System.out.printf(
                "start-up: first start in this JVM %.1f ms, second start %.1f ms (first answer %.1f ms after start() was called)%n",
                coldStart / 1e6, warmStart / 1e6, firstAnswer / 1e6);
        System.out.printf("%-20s %8s %12s %10s %10s%n", "operation", "threads", "ops/s", "p50 ms", "p99 ms");
        try (DynamoDbClient client = client(emulator, arguments.length > 1 ? arguments[1] : "apache")) {
            createTable(client);
            for (int number = 0; number < 10; number++) {
                client.putItem(putRequest("QUERY", "EVENT#" + number));
            }
            client.putItem(putRequest("GET", "TICKET"));
            Map<String, Action> actions = new java.util.LinkedHashMap<>();
            actions.put(
                    "PutItem",
                    (dynamoDb, thread) ->
                            dynamoDb.putItem(putRequest("PUT#" + thread + "#" + SEQUENCE.incrementAndGet(), "TICKET")));
            actions.put(
                    "GetItem",
                    (dynamoDb, thread) -> dynamoDb.getItem(request -> request.tableName(TABLE)
                            .key(Map.of("pk", AttributeValue.fromS("GET"), "sk", AttributeValue.fromS("TICKET")))));
            actions.put(
                    "Query",
                    (dynamoDb, thread) -> dynamoDb.query(request -> request.tableName(TABLE)
                            .keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("QUERY")))));
            actions.put("TransactWriteItems", (dynamoDb, thread) -> {
                String ticket = "TX#" + thread + "#" + SEQUENCE.incrementAndGet();
                dynamoDb.transactWriteItems(request -> request.transactItems(
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(TABLE)
                                        .item(item(ticket, "TICKET"))
                                        .conditionExpression("attribute_not_exists(pk)")
                                        .build())
                                .build(),
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(TABLE)
                                        .item(item(ticket, "EVENT#000001"))
                                        .conditionExpression("attribute_not_exists(pk)")
                                        .build())
                                .build()));
            });
            // Every code path is compiled before anything is measured, so the first operation is not penalised.
            for (int round = 0; round < 2; round++) {
                for (Map.Entry<String, Action> action : actions.entrySet()) {
                    measure(client, action.getValue(), round == 0 ? 8 : 1, Duration.ofSeconds(2));
                }
            }
            for (Map.Entry<String, Action> action : actions.entrySet()) {
                for (int threads : new int[] {1, 8}) {
                    measure(client, action.getValue(), threads, measured).print(action.getKey(), threads);
                }
            }
            // The same PutItem without the SDK: what the server itself sustains, the client's own cost left out.
            measureRaw(emulator, 8, Duration.ofSeconds(1));
            for (int threads : new int[] {1, 8}) {
                measureRaw(emulator, threads, measured).print("PutItem (raw HTTP)", threads);
            }
        } finally {
            emulator.close();
        }
    }

    /** A raw ListTables over a socket: when a client could first be served, without the SDK's own start-up in the figure. */
    private static long firstAnswerNanos(DynamoDbEmulator emulator, long startedAt) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", emulator.port())) {
            String request = "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                    + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes();
        }
        return System.nanoTime() - startedAt;
    }

    /** The SDK client under test: "apache" (the SDK's Apache HTTP client, the default) or "url-connection". */
    private static DynamoDbClient client(DynamoDbEmulator emulator, String httpClient) {
        if (httpClient.equals("apache")) {
            return EmulatorClients.dynamoDb(emulator.endpoint());
        }
        return DynamoDbClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("benchmark", "benchmark")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(request -> request.tableName(TABLE)
                .attributeDefinitions(
                        definition -> definition.attributeName("pk").attributeType(ScalarAttributeType.S),
                        definition -> definition.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                        key -> key.attributeName("pk").keyType(KeyType.HASH),
                        key -> key.attributeName("sk").keyType(KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(
                        stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of(
                "pk",
                AttributeValue.fromS(pk),
                "sk",
                AttributeValue.fromS(sk),
                "status",
                AttributeValue.fromS("REPORTED"),
                "version",
                AttributeValue.fromN("1"),
                "description",
                AttributeValue.fromS("A broken street light near the school gate"));
    }

    private static software.amazon.awssdk.services.dynamodb.model.PutItemRequest putRequest(String pk, String sk) {
        return software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder()
                .tableName(TABLE)
                .item(item(pk, sk))
                .build();
    }

    private record Result(long operations, Duration elapsed, long[] latenciesNanos) {
        void print(String name, int threads) {
            Arrays.sort(latenciesNanos);
            System.out.printf(
                    "%-20s %8d %12.0f %10.3f %10.3f%n",
                    name,
                    threads,
                    operations / (elapsed.toNanos() / 1e9),
                    percentile(0.50) / 1e6,
                    percentile(0.99) / 1e6);
        }

        private long percentile(double fraction) {
            return latenciesNanos.length == 0
                    ? 0
                    : latenciesNanos[
                            (int) Math.min(latenciesNanos.length - 1, Math.floor(fraction * latenciesNanos.length))];
        }
    }

    /** PutItem over one keep-alive socket per thread, with hand-written HTTP. */
    private static Result measureRaw(DynamoDbEmulator emulator, int threads, Duration duration) throws Exception {
        return measure(null, (ignored, thread) -> {}, threads, duration, thread -> {
            java.net.Socket socket = new java.net.Socket("127.0.0.1", emulator.port());
            socket.setTcpNoDelay(true);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            return () -> {
                String body = "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"RAW#" + thread + "#"
                        + SEQUENCE.incrementAndGet()
                        + "\"},\"sk\":{\"S\":\"TICKET\"},\"status\":{\"S\":\"REPORTED\"},\"version\":{\"N\":\"1\"}}}";
                byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String head = "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"
                        + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + bytes.length + "\r\n\r\n";
                out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                readResponse(in);
            };
        });
    }

    private static void readResponse(java.io.InputStream in) throws java.io.IOException {
        int contentLength = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new java.io.EOFException();
            }
            if (next != '\n') {
                line.append((char) next);
                continue;
            }
            String header = line.toString().trim();
            line.setLength(0);
            if (header.isEmpty()) {
                break;
            }
            if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.readNBytes(contentLength);
    }

    private interface RawCall {
        void call() throws Exception;
    }

    private interface RawConnection {
        RawCall open(int thread) throws Exception;
    }

    private static Result measure(DynamoDbClient client, Action action, int threads, Duration duration)
            throws Exception {
        return measure(client, action, threads, duration, null);
    }

    private static Result measure(
            DynamoDbClient client, Action action, int threads, Duration duration, RawConnection raw) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        try {
            List<Future<long[]>> workers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int number = thread;
                workers.add(executor.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int count = 0;
                    RawCall call = raw == null ? () -> action.run(client, number) : raw.open(number);
                    while (System.nanoTime() < deadline) {
                        long before = System.nanoTime();
                        call.call();
                        long latency = System.nanoTime() - before;
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = latency;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> worker : workers) {
                all.add(worker.get());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
            return new Result(merged.length, elapsed, merged);
        } finally {
            executor.shutdownNow();
        }
    }
}
