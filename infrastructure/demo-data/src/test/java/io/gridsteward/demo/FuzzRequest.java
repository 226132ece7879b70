package io.gridsteward.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request: what is sent, which operation of the API it aims at and what was done to it, so that a
 * failure can be read and replayed.
 *
 * @param write    whether the method may change state (anything but GET)
 * @param definite whether the request carries a defect every correct API must refuse (a write that is not definite
 *                 may be accepted and is checked against the table one at a time)
 */
record FuzzRequest(
        int index,
        String operation,
        String mutation,
        String method,
        String target,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        boolean write,
        boolean definite) {

    FuzzRequest {
        headers = List.copyOf(headers);
    }

    /** The request as a shell command that sends the same bytes (headers with control characters escaped). */
    String reproduction(String front) {
        StringBuilder command = new StringBuilder(
                "printf '%s' $'" + escape(method + " " + target + " HTTP/1.1\r\nHost: " + front + "\r\n"));
        headers.forEach(header -> command.append(escape(header.getKey() + ": " + header.getValue() + "\r\n")));
        command.append(escape("Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n"));
        String text = new String(body, StandardCharsets.UTF_8);
        command.append(
                escape(text.length() > 600 ? text.substring(0, 600) + "...(" + body.length + " bytes in all)" : text));
        return command.append("' | nc ").append(front.replace(':', ' ')).toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '\r') {
                escaped.append("\\r");
            } else if (codePoint == '\n') {
                escaped.append("\\n");
            } else if (codePoint == '\'' || codePoint == '\\') {
                escaped.append('\\').append((char) codePoint);
            } else if (codePoint < 0x20
                    || codePoint == 0x7f
                    || Character.getType(codePoint) == Character.FORMAT
                    || Character.getType(codePoint) == Character.SURROGATE) {
                escaped.append(String.format("\\u%04x", codePoint));
            } else {
                escaped.appendCodePoint(codePoint);
            }
        });
        return escaped.toString();
    }
}
