package io.gridsteward.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The front's own refusals, in the RFC 9457 shape the functions answer with ({@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, {@code errors[].field}), so a client reads one problem format
 * whether API Gateway or a function refused it.
 */
public final class FrontProblems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FrontProblems() {}

    /** A problem of one of the front's kinds; {@code field} names what is at fault, or is null when nothing in particular is. */
    public static HttpResponseData of(
            int status, String detail, String instance, String field, Map<String, String> headers) {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "urn:grid-steward:problem:" + kind(status))
                .put("title", title(status))
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        if (field != null) {
            problem.putArray("errors").addObject().put("field", field).put("message", detail);
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        responseHeaders.put("content-type", List.of(MEDIA_TYPE));
        headers.forEach((name, value) -> responseHeaders.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        return new HttpResponseData(status, responseHeaders, problem.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponseData of(int status, String detail, String instance, String field) {
        return of(status, detail, instance, field, Map.of());
    }

    private static String kind(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "request-header-fields-too-large";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "malformed-request";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Malformed request";
            case 401 -> "Not authenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 414 -> "Request URI too long";
            case 431 -> "Request header fields too large";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Malformed request";
        };
    }
}
