package io.gridsteward.local.http;

import java.util.List;
import java.util.Map;

/** An HTTP response as the front sends it back. */
public record HttpResponseData(int statusCode, Map<String, List<String>> headers, byte[] body) {
    public HttpResponseData {
        headers = Map.copyOf(headers);
    }
}
