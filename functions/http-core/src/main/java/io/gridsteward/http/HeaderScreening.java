package io.gridsteward.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.domain.core.FieldError;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before Quarkus' Lambda HTTP layer sees it, an event that layer cannot turn into a request: Netty rejects a
 * control character in a header (or a cookie) with an exception that Quarkus answers as a bare 500. Here it is a 400
 * problem naming the header; everything else goes on to the layer unchanged.
 */
@Decorator
@Priority(10)
public abstract class HeaderScreening implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

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
        List<FieldError> errors = HttpFieldRules.errors(event.getHeaders(), event.getCookies());
        if (errors.isEmpty()) {
            return httpLayer.handleRequest(event, context);
        }
        Problem problem = Problem.of(
                ProblemType.MALFORMED_REQUEST,
                "a header holds a character HTTP does not allow in it",
                Optional.ofNullable(event.getRawPath()).orElse("/"),
                errors);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(problem.status())
                    .withHeaders(Map.of("Content-Type", Problem.MEDIA_TYPE))
                    .withBody(mapper.writeValueAsString(problem))
                    .withIsBase64Encoded(false)
                    .build();
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("a problem document always serialises", exception);
        }
    }

    /** RFC 9110's field syntax: a name is a token, a value holds no control character but horizontal tab. */
    static final class HttpFieldRules {

        private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

        private HttpFieldRules() {}

        static List<FieldError> errors(Map<String, String> headers, List<String> cookies) {
            List<FieldError> errors = new ArrayList<>();
            if (headers != null) {
                headers.forEach((name, value) -> {
                    if (!isToken(name)) {
                        errors.add(new FieldError(printable(name), "is not a valid header name"));
                    } else if (value != null && hasControlCharacter(value)) {
                        errors.add(new FieldError(name, "holds a control character"));
                    }
                });
            }
            if (cookies != null && cookies.stream().anyMatch(HttpFieldRules::hasControlCharacter)) {
                errors.add(new FieldError("cookie", "holds a control character"));
            }
            return errors;
        }

        private static boolean isToken(String name) {
            if (name == null || name.isEmpty()) {
                return false;
            }
            return name.chars()
                    .allMatch(character -> character < 0x7f
                            && (Character.isLetterOrDigit(character) || TOKEN_SYMBOLS.indexOf(character) >= 0));
        }

        private static boolean hasControlCharacter(String value) {
            return value.chars().anyMatch(character -> character < 0x20 && character != '\t' || character == 0x7f);
        }

        /** A name that is not a token may itself hold control characters; the problem shows them escaped. */
        private static String printable(String name) {
            StringBuilder printable = new StringBuilder();
            (name == null ? "" : name).chars().forEach(character -> {
                if (character < 0x20 || character == 0x7f) {
                    printable.append(String.format("\\u%04x", character));
                } else {
                    printable.append((char) character);
                }
            });
            return printable.toString();
        }
    }
}
