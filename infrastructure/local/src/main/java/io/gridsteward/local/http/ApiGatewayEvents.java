package io.gridsteward.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Translates between HTTP and API Gateway HTTP API payload format 2.0, as API Gateway's Lambda proxy integration
 * does: the request becomes an event, the function's answer becomes the response.
 */
public final class ApiGatewayEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers API Gateway sets itself; what a client sent under these names does not reach the function. */
    private static final Set<String> GATEWAY_HEADERS =
            Set.of("host", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-host", "forwarded");

    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {}

    /** The payload 2.0 event for {@code request} on {@code route}, with the authorizer's claims (empty if none). */
    public static ObjectNode event(
            HttpRequestData request,
            Route route,
            Map<String, String> claims,
            String requestId,
            Instant now,
            String frontAddress) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQueryString());

        List<String> cookies = new ArrayList<>();
        Map<String, String> headers = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (lowerCase.equals("cookie")) {
                values.forEach(value -> cookies.addAll(List.of(value.split(";\\s*"))));
            } else if (!GATEWAY_HEADERS.contains(lowerCase)) {
                headers.merge(lowerCase, String.join(",", values), (first, second) -> first + "," + second);
            }
        });
        // API Gateway, not the client, says which host, scheme and port the request came in on: links a function builds
        // from them (Location) point at the API whatever Host or X-Forwarded-* the client sent.
        String port = frontAddress.substring(frontAddress.lastIndexOf(':') + 1);
        headers.put("host", frontAddress);
        headers.put("x-forwarded-proto", "http");
        headers.put("x-forwarded-port", port);
        headers.put("x-forwarded-for", request.sourceIp());
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);

        Map<String, String> query = queryParameters(request.rawQueryString());
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        if (route.authorized()) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode claimNode = jwt.putObject("claims");
            claims.forEach(claimNode::put);
            jwt.putArray("scopes");
        }
        context.put("domainName", frontAddress);
        context.put("domainPrefix", frontAddress.split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());

        if (!route.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            route.pathParameters().forEach(parameters::put);
        }
        if (request.body().length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.put(
                    "body",
                    text
                            ? new String(request.body(), StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /**
     * The HTTP response for a function's answer. Like API Gateway, an answer without {@code statusCode} is taken
     * as a 200 JSON body.
     */
    public static HttpResponseData response(byte[] payload) {
        JsonNode answer;
        try {
            answer = JSON.readTree(payload);
        } catch (IOException notJson) {
            return internalServerError();
        }
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            return new HttpResponseData(200, Map.of("content-type", List.of("application/json")), payload);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.path("headers")
                .properties()
                .forEach(header -> headers.computeIfAbsent(
                                header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(header.getValue().asText()));
        answer.path("multiValueHeaders").properties().forEach(header -> {
            List<String> values =
                    headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>());
            header.getValue().forEach(value -> {
                if (!values.contains(value.asText())) {
                    values.add(value.asText());
                }
            });
        });
        answer.path("cookies")
                .forEach(cookie -> headers.computeIfAbsent("set-cookie", name -> new ArrayList<>())
                        .add(cookie.asText()));
        JsonNode bodyNode = answer.get("body");
        byte[] body = bodyNode == null || bodyNode.isNull()
                ? new byte[0]
                : answer.path("isBase64Encoded").asBoolean(false)
                        ? Base64.getDecoder().decode(bodyNode.asText())
                        : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        return new HttpResponseData(answer.path("statusCode").asInt(500), headers, body);
    }

    /** The front's answer when the integration fails: API Gateway's 500, as a problem. */
    public static HttpResponseData internalServerError() {
        return FrontProblems.of(500, "the function failed", "/", null);
    }

    /** Whether every {@code %} of a raw path starts an escape of two hex digits and the bytes they make are UTF-8. */
    public static boolean isPercentEncoded(String rawPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int index = 0; index < rawPath.length(); index++) {
            char character = rawPath.charAt(index);
            if (character != '%') {
                bytes.writeBytes(String.valueOf(character).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = index + 2 < rawPath.length() ? Character.digit(rawPath.charAt(index + 1), 16) : -1;
            int low = index + 2 < rawPath.length() ? Character.digit(rawPath.charAt(index + 2), 16) : -1;
            if (high < 0 || low < 0) {
                return false;
            }
            bytes.write(high * 16 + low);
            index += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }

    /** The first query parameter whose name or value is not valid percent-encoded UTF-8, if any. */
    public static Optional<String> malformedQueryParameter(String rawQueryString) {
        for (String pair : rawQueryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                URLDecoder.decode(pair, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** API Gateway joins repeated query parameters with commas. */
    static Map<String, String> queryParameters(String rawQueryString) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQueryString.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.contains("javascript")
                || type.startsWith("application/x-www-form-urlencoded");
    }
}
