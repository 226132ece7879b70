package io.gridsteward.dashboard;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses, before Quarkus' Lambda HTTP layer sees it, an event that layer cannot turn into a request: Netty rejects a
 * control character in a header (or a cookie) with an exception that Quarkus answers as a bare 500. Here it is a 400
 * problem naming the header, in the API's problem shape; everything else goes on to the layer unchanged.
 */
@Decorator
@Priority(10)
public abstract class HeaderScreening implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpLayer;
    private final ObjectMapper mapper;

    @Inject
    HeaderScreening(
            @Delegate @Any RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpLayer,
            ObjectMapper mapper) {
        this.httpLayer = httpLayer;
        this.mapper = mapper;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ArrayNode errors = mapper.createArrayNode();
        Map<String, String> headers = Objects.requireNonNullElse(event.getHeaders(), Map.of());
        headers.forEach((name, value) -> {
            if (!isToken(name)) {
                errors.addObject().put("field", printable(name)).put("message", "is not a valid header name");
            } else if (value != null && hasControlCharacter(value)) {
                errors.addObject().put("field", name).put("message", "holds a control character");
            }
        });
        List<String> cookies = Objects.requireNonNullElse(event.getCookies(), List.of());
        if (cookies.stream().anyMatch(HeaderScreening::hasControlCharacter)) {
            errors.addObject().put("field", "cookie").put("message", "holds a control character");
        }
        if (errors.isEmpty()) {
            return httpLayer.handleRequest(event, context);
        }
        ObjectNode problem = mapper.createObjectNode()
                .put("type", "urn:grid-steward:problem:malformed-request")
                .put("title", "Malformed request")
                .put("status", 400)
                .put("detail", "a header holds a character HTTP does not allow in it")
                .put("instance", Objects.requireNonNullElse(event.getRawPath(), "/"));
        problem.set("errors", errors);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(400)
                    .withHeaders(Map.of("Content-Type", "application/problem+json"))
                    .withBody(mapper.writeValueAsString(problem))
                    .withIsBase64Encoded(false)
                    .build();
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("a problem document always serialises", exception);
        }
    }

    /** RFC 9110: a field name is a token. */
    private static boolean isToken(String name) {
        return name != null
                && !name.isEmpty()
                && name.chars()
                        .allMatch(character -> character < 0x7f
                                && (Character.isLetterOrDigit(character) || TOKEN_SYMBOLS.indexOf(character) >= 0));
    }

    /** RFC 9110: a field value holds no control character but horizontal tab. */
    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(character -> character < 0x20 && character != '\t' || character == 0x7f);
    }

    private static String printable(String name) {
        StringBuilder printable = new StringBuilder();
        Objects.requireNonNullElse(name, "").chars().forEach(character -> {
            if (character < 0x20 || character == 0x7f) {
                printable.append(String.format("\\u%04x", character));
            } else {
                printable.append((char) character);
            }
        });
        return printable.toString();
    }
}
