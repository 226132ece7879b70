package io.gridsteward.dynamodb.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The wire protocol itself, seen by a plain HTTP client: targets, error shapes, checksums. */
class ProtocolTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(EMULATOR.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-amz-json-1.0");
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersCarryTheirChecksum() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}");

        CRC32 checksum = new CRC32();
        checksum.update(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(checksum.getValue()));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.body()).startsWith("{\"TableNames\":[");
    }

    @Test
    void bodiesOverSixteenMegabytesAre413AndOtherPathsAre404() throws Exception {
        String padding = " ".repeat(16 * 1024 * 1024);
        HttpResponse<String> tooLarge = post("DynamoDB_20120810.ListTables", "{" + padding + "}");
        HttpResponse<String> elsewhere = HTTP.send(
                HttpRequest.newBuilder(EMULATOR.endpoint().resolve("/garbage"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(post("DynamoDB_20120810.ListTables", "{" + " ".repeat(1024) + "}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void taggingAnswersAnEmptyBody() throws Exception {
        post(
                "DynamoDB_20120810.CreateTable",
                "{\"TableName\":\"protocol-tags\",\"BillingMode\":\"PAY_PER_REQUEST\","
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}");

        HttpResponse<String> response = post(
                "DynamoDB_20120810.TagResource",
                "{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/protocol-tags\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue("0");
    }

    @Test
    void unknownOperationsAreNamedInTheError() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.FlyToTheMoon", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("#UnknownOperationException").contains("FlyToTheMoon");
        assertThat(post(null, "{}").body()).contains("#UnknownOperationException");
    }

    @Test
    void malformedJsonIsASerializationError() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.GetItem", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"com.amazonaws.dynamodb.v20120810#SerializationException\"");
    }

    @Test
    void unknownParametersAreValidationErrorsNamingThem() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{\"Colour\":\"blue\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("#ValidationException").contains("Colour");
    }

    @Test
    void keepsConnectionsOpenForHttp11AndClosesThemForHttp10() throws Exception {
        try (java.net.Socket socket =
                new java.net.Socket("127.0.0.1", EMULATOR.endpoint().getPort())) {
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = socket.getInputStream();
            String request =
                    "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 2\r\n\r\n{}";
            out.write((request + request.replace("HTTP/1.1", "HTTP/1.0"))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();

            String answers = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);

            assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(3);
            assertThat(answers).contains("Connection: keep-alive").contains("Connection: close");
        }
    }

    @Test
    void healthCheckAnswersGet() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(EMULATOR.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("healthy");
    }

    @Test
    void unimplementedServiceOperationsAreValidationErrorsThroughTheSdk() {
        assertThatThrownBy(() ->
                        EMULATOR.dynamoDbClient().executeStatement(request -> request.statement("SELECT * FROM t")))
                .isExactlyInstanceOf(DynamoDbException.class)
                .hasMessageContaining("ExecuteStatement is not supported");
    }

    @Test
    void endpointIsLoopback() {
        URI endpoint = EMULATOR.endpoint();
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isPositive();
    }
}
