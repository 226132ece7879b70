package io.gridsteward.dynamodb.emulator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.expression.ExpressionException;
import io.gridsteward.dynamodb.emulator.operations.Operation;
import io.gridsteward.dynamodb.emulator.wire.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * AWS JSON 1.0 over HTTP on the loopback interface: {@code X-Amz-Target} names the service and operation, the body is
 * the request object; answers carry {@code x-amz-crc32}. Signatures are accepted without being checked.
 */
public final class HttpFrontEnd implements AutoCloseable {
    private static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    private static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";

    /** Operations of the real services that this emulator does not implement: a clear ValidationException each. */
    private static final Set<String> NOT_IMPLEMENTED = Set.of(
            "ExecuteStatement",
            "BatchExecuteStatement",
            "ExecuteTransaction",
            "CreateBackup",
            "DeleteBackup",
            "DescribeBackup",
            "ListBackups",
            "RestoreTableFromBackup",
            "RestoreTableToPointInTime",
            "DescribeContinuousBackups",
            "UpdateContinuousBackups",
            "CreateGlobalTable",
            "DescribeGlobalTable",
            "ListGlobalTables",
            "UpdateGlobalTable",
            "UpdateGlobalTableSettings",
            "DescribeGlobalTableSettings",
            "DescribeLimits",
            "DescribeEndpoints",
            "ExportTableToPointInTime",
            "ImportTable",
            "DescribeExport",
            "ListExports",
            "DescribeImport",
            "ListImports",
            "DescribeKinesisStreamingDestination",
            "EnableKinesisStreamingDestination",
            "DisableKinesisStreamingDestination",
            "UpdateKinesisStreamingDestination",
            "DescribeContributorInsights",
            "UpdateContributorInsights",
            "ListContributorInsights",
            "DescribeTableReplicaAutoScaling",
            "UpdateTableReplicaAutoScaling",
            "GetResourcePolicy",
            "PutResourcePolicy",
            "DeleteResourcePolicy");

    private final LoopbackHttpServer server;
    private final Map<String, Operation> dynamoDbOperations;
    private final Map<String, Operation> streamsOperations;

    public HttpFrontEnd(int port, Map<String, Operation> dynamoDbOperations, Map<String, Operation> streamsOperations)
            throws IOException {
        this.dynamoDbOperations = Map.copyOf(dynamoDbOperations);
        this.streamsOperations = Map.copyOf(streamsOperations);
        this.server = new LoopbackHttpServer(port, this::handle);
        // Loads the JSON classes while the caller goes on, so that the first request does not pay for them.
        Thread.ofVirtual()
                .name("dynamodb-emulator-warm-up")
                .start(() -> dispatch(DYNAMODB_PREFIX + "ListTables", "{}".getBytes(StandardCharsets.UTF_8)));
    }

    public int port() {
        return server.port();
    }

    private LoopbackHttpServer.Response handle(LoopbackHttpServer.Request request) {
        if (!request.method().equals("POST")) {
            // The service answers health checks on GET /.
            return new LoopbackHttpServer.Response(
                    200,
                    "text/plain",
                    Map.of(),
                    "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.UTF_8));
        }
        String path = request.path();
        if (!path.equals("/") && !path.startsWith("/?")) {
            return new LoopbackHttpServer.Response(
                    404, "text/plain", Map.of(), "Not Found".getBytes(StandardCharsets.UTF_8));
        }
        int status = 200;
        ObjectNode body;
        String errorType = null;
        try {
            body = dispatch(request.header("x-amz-target"), request.body());
        } catch (ApiException error) {
            body = error.body();
            status = error.status();
            errorType = error.type();
        }
        // An operation that answers nothing (TagResource, UntagResource) has an empty body, as the service sends.
        byte[] bytes = body == null ? new byte[0] : JsonText.bytes(body);
        CRC32 checksum = new CRC32();
        checksum.update(bytes);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-crc32", Long.toString(checksum.getValue()));
        headers.put(
                "x-amzn-RequestId",
                new UUID(
                                ThreadLocalRandom.current().nextLong(),
                                ThreadLocalRandom.current().nextLong())
                        .toString());
        if (errorType != null) {
            headers.put("x-amzn-ErrorType", errorType);
        }
        return new LoopbackHttpServer.Response(status, "application/x-amz-json-1.0", headers, bytes);
    }

    private ObjectNode dispatch(String target, byte[] requestBody) {
        Operation operation = null;
        if (target != null && target.startsWith(DYNAMODB_PREFIX)) {
            operation = dynamoDbOperations.get(target.substring(DYNAMODB_PREFIX.length()));
        } else if (target != null && target.startsWith(STREAMS_PREFIX)) {
            operation = streamsOperations.get(target.substring(STREAMS_PREFIX.length()));
        }
        if (operation == null
                && target != null
                && target.startsWith(DYNAMODB_PREFIX)
                && NOT_IMPLEMENTED.contains(target.substring(DYNAMODB_PREFIX.length()))) {
            throw ApiException.validation("The operation " + target.substring(DYNAMODB_PREFIX.length())
                    + " is not supported by this emulator");
        }
        if (operation == null) {
            throw ApiException.clientError(
                    "UnknownOperationException",
                    target == null
                            ? "Missing X-Amz-Target header"
                            : "The operation " + target + " is not supported by this emulator");
        }
        JsonNode request;
        try {
            request = requestBody.length == 0
                    ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    : JsonText.parse(requestBody);
        } catch (JsonProcessingException malformed) {
            throw ApiException.serialization("Malformed JSON request body: " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw ApiException.serialization("Unreadable request body");
        }
        try {
            return operation.handle(request);
        } catch (ExpressionException invalid) {
            throw ApiException.validation(invalid.getMessage());
        } catch (UnsupportedOperationException unsupported) {
            throw ApiException.validation("Not supported by this emulator: " + unsupported.getMessage());
        } catch (ApiException error) {
            throw error;
        } catch (RuntimeException failure) {
            failure.printStackTrace();
            throw ApiException.internal("Internal server error: " + failure);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
