package io.gridsteward.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: unlike the JDK's client it sends what it is given, a
 * request target that is not a URI or a header value with control characters, as an attacker's client would.
 */
final class RawHttpClient {

    private static final int TIMEOUT_MILLISECONDS = 120_000;

    private final URI front;

    RawHttpClient(URI front) {
        this.front = front;
    }

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    Answer send(FuzzRequest request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(front.getHost(), front.getPort()), TIMEOUT_MILLISECONDS);
            socket.setSoTimeout(TIMEOUT_MILLISECONDS);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            write(head, request.method() + " " + request.target() + " HTTP/1.1\r\n");
            if (request.headers().stream().noneMatch(header -> header.getKey().equalsIgnoreCase("Host"))) {
                write(head, "Host: " + front.getHost() + ":" + front.getPort() + "\r\n");
            }
            for (Map.Entry<String, String> header : request.headers()) {
                // Header bytes as an attacker sends them: ISO-8859-1 keeps control characters, UTF-8 carries the rest.
                head.write((header.getKey() + ": ").getBytes(StandardCharsets.UTF_8));
                head.write(header.getValue().getBytes(StandardCharsets.UTF_8));
                write(head, "\r\n");
            }
            write(head, "Content-Length: " + request.body().length + "\r\nConnection: close\r\n\r\n");
            OutputStream output = socket.getOutputStream();
            output.write(head.toByteArray());
            output.write(request.body());
            output.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream input) throws IOException {
        byte[] all = input.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            throw new IOException("not an HTTP response: " + text.substring(0, Math.min(200, text.length())));
        }
        int status = Integer.parseInt(text.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        text.substring(text.indexOf("\r\n") + 2, headEnd).lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(),
                        (first, second) -> first + ", " + second);
            }
        });
        byte[] body = java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOfLineEnd(chunked, position);
            String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOfLineEnd(byte[] bytes, int from) {
        for (int index = from; index + 1 < bytes.length; index++) {
            if (bytes[index] == '\r' && bytes[index + 1] == '\n') {
                return index;
            }
        }
        return bytes.length;
    }

    private static void write(ByteArrayOutputStream output, String ascii) {
        output.writeBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }
}
