package io.gridsteward.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00.123Z");

    private static HttpRequestData request(
            String method, String path, String query, Map<String, List<String>> headers, String body) {
        return new HttpRequestData(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    @Test
    void aRequestBecomesAPayloadTwoEventWithClaimsAndLowerCaseHeaders() {
        HttpRequestData request = request(
                "POST",
                "/v1/tickets",
                "a=1&b=x%20y&a=2",
                Map.of(
                        "Content-Type",
                        List.of("application/json"),
                        "X-Custom",
                        List.of("one", "two"),
                        "Cookie",
                        List.of("c1=v1; c2=v2"),
                        "Host",
                        List.of("attacker.example"),
                        "X-Forwarded-Host",
                        List.of("attacker.example"),
                        "X-Forwarded-Port",
                        List.of("6666")),
                "{\"category\":\"streetlight\"}");
        Route route = TemplateRoutes.TABLE.match("POST", "/v1/tickets").orElseThrow();

        JsonNode event = ApiGatewayEvents.event(
                request, route, Map.of("sub", "user-1", "custom:role", "RESIDENT"), "request-1", NOW, "localhost:8080");

        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("ANY /v1/{proxy+}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/v1/tickets");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("a=1&b=x%20y&a=2");
        assertThat(event.path("queryStringParameters").path("a").asText()).isEqualTo("1,2");
        assertThat(event.path("queryStringParameters").path("b").asText()).isEqualTo("x y");
        assertThat(event.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(event.path("headers").path("x-custom").asText()).isEqualTo("one,two");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("headers").path("host").asText()).isEqualTo("localhost:8080");
        assertThat(event.path("headers").path("x-forwarded-port").asText()).isEqualTo("8080");
        assertThat(event.path("headers").path("x-forwarded-proto").asText()).isEqualTo("http");
        assertThat(event.path("headers").has("x-forwarded-host")).isFalse();
        assertThat(event.path("requestContext").path("domainName").asText()).isEqualTo("localhost:8080");
        assertThat(event.path("cookies")).extracting(JsonNode::asText).containsExactly("c1=v1", "c2=v2");
        assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("tickets");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("http").path("method").asText()).isEqualTo("POST");
        assertThat(context.path("http").path("path").asText()).isEqualTo("/v1/tickets");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.path("requestId").asText()).isEqualTo("request-1");
        assertThat(context.path("timeEpoch").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.path("authorizer")
                        .path("jwt")
                        .path("claims")
                        .path("custom:role")
                        .asText())
                .isEqualTo("RESIDENT");
        assertThat(event.path("body").asText()).isEqualTo("{\"category\":\"streetlight\"}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void aBinaryBodyIsBase64EncodedAndAnOpenRouteHasNoAuthorizer() {
        HttpRequestData request = new HttpRequestData(
                "GET",
                "/",
                "",
                Map.of("Content-Type", List.of("image/png")),
                new byte[] {1, 2, (byte) 255},
                "10.0.0.1");

        JsonNode event = ApiGatewayEvents.event(
                request,
                TemplateRoutes.TABLE.match("GET", "/").orElseThrow(),
                Map.of(),
                "request-2",
                NOW,
                "localhost:8080");

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.path("body").asText()).isEqualTo("AQL/");
        assertThat(event.path("requestContext").has("authorizer")).isFalse();
        assertThat(event.has("queryStringParameters")).isFalse();
    }

    @Test
    void theFunctionsAnswerBecomesTheResponse() {
        String answer = """
                {"statusCode":201,"headers":{"Content-Type":"application/json"},"multiValueHeaders":{"X-Many":["a","b"]},
                 "cookies":["session=1; HttpOnly"],"body":"eyJpZCI6MX0=","isBase64Encoded":true}""";

        HttpResponseData response = ApiGatewayEvents.response(answer.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers())
                .containsEntry("content-type", List.of("application/json"))
                .containsEntry("x-many", List.of("a", "b"))
                .containsEntry("set-cookie", List.of("session=1; HttpOnly"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
    }

    @Test
    void anAnswerWithoutStatusCodeIsA200JsonBodyAndGarbageIsA500() {
        HttpResponseData plain = ApiGatewayEvents.response("{\"rows\":[]}".getBytes(StandardCharsets.UTF_8));
        HttpResponseData garbage = ApiGatewayEvents.response("not json".getBytes(StandardCharsets.UTF_8));

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo("{\"rows\":[]}");
        assertThat(garbage.statusCode()).isEqualTo(500);
    }

    @Test
    void aQueryParameterWithBadPercentEncodingIsNamed() {
        assertThat(ApiGatewayEvents.malformedQueryParameter("limit=10&from=%zz&to=2026-12-01"))
                .contains("from");
        assertThat(ApiGatewayEvents.malformedQueryParameter("x%2=1")).contains("x%2");
        assertThat(ApiGatewayEvents.malformedQueryParameter("limit=10&q=%E8%B7%AF"))
                .isEmpty();
        assertThat(ApiGatewayEvents.malformedQueryParameter("")).isEmpty();
    }

    @Test
    void aPathIsPercentEncodedOnlyWithTwoHexDigitsPerEscapeMakingUtf8() {
        assertThat(ApiGatewayEvents.isPercentEncoded("/v1/tickets/abc-1")).isTrue();
        assertThat(ApiGatewayEvents.isPercentEncoded("/v1/tickets/%E8%B7%AF%20x"))
                .isTrue();
        assertThat(ApiGatewayEvents.isPercentEncoded("/v1/tickets/%zz")).isFalse();
        assertThat(ApiGatewayEvents.isPercentEncoded("/v1/tickets/%")).isFalse();
        assertThat(ApiGatewayEvents.isPercentEncoded("/v1/tickets/%4")).isFalse();
        assertThat(ApiGatewayEvents.isPercentEncoded("/v1/tickets/%C3%28")).isFalse();
        assertThat(ApiGatewayEvents.isPercentEncoded("/v1/tickets/%ED%A0%80")).isFalse();
    }
}
