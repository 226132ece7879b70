package io.gridsteward.local.http;

import java.util.List;
import java.util.Map;

/** An HTTP request as the front received it, before it becomes an API Gateway event. */
public record HttpRequestData(
        String method,
        String rawPath,
        String rawQueryString,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp) {
    public HttpRequestData {
        headers = Map.copyOf(headers);
        rawQueryString = rawQueryString == null ? "" : rawQueryString;
    }

    /** The first value of a header, matching its name in any case. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name)
                        && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().getFirst())
                .findFirst()
                .orElse(null);
    }
}
