package io.gridsteward.dynamodb.emulator.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP/1.1 server for the loopback interface: one thread per connection reading requests one after
 * the other (keep-alive), each answered with a single write. It serves the AWS JSON protocol's needs — POST with a
 * Content-Length or chunked body, {@code Expect: 100-continue} — and nothing more, without the selector hand-off per
 * request that the JDK's server makes.
 */
final class LoopbackHttpServer implements AutoCloseable {
    /** The request line and the headers together, as the service limits them (400 beyond). */
    private static final int MAXIMUM_HEADER_BYTES = 16 * 1024;
    /** The service's limit on a request body (413 beyond). */
    private static final int MAXIMUM_BODY_BYTES = 16 * 1024 * 1024;

    record Request(String method, String path, String version, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record Response(int status, String contentType, Map<String, String> headers, byte[] body) {}

    interface Handler {
        Response handle(Request request);
    }

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    LoopbackHttpServer(int port, Handler handler) throws IOException {
        this.handler = handler;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        this.acceptor =
                Thread.ofPlatform().daemon().name("dynamodb-emulator-acceptor").start(this::acceptConnections);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptConnections() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread.ofPlatform()
                        .daemon()
                        .name("dynamodb-emulator-connection")
                        .start(() -> serve(socket));
            } catch (IOException failure) {
                if (!closed) {
                    System.err.println("dynamodb-emulator: accept failed: " + failure);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            try {
                serveRequests(socket);
            } catch (BadRequest invalid) {
                // Answered before the socket closes, so that the client reads why.
                writeQuietly(
                        socket,
                        new Response(
                                invalid.status,
                                "text/plain",
                                Map.of(),
                                invalid.getMessage().getBytes(StandardCharsets.UTF_8)));
            }
        } catch (SocketException closedByPeer) {
            // The client went away; nothing to answer.
        } catch (IOException failure) {
            if (!closed) {
                System.err.println("dynamodb-emulator: connection failed: " + failure);
            }
        } finally {
            connections.remove(socket);
        }
    }

    private void serveRequests(Socket socket) throws IOException {
        InputStream input = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        OutputStream output = socket.getOutputStream();
        while (!closed) {
            Request request = readRequest(input, output);
            if (request == null) {
                return;
            }
            Response response = handler.handle(request);
            String connection = request.header("connection");
            // HTTP/1.1 keeps the connection unless told otherwise; HTTP/1.0 only when asked to.
            boolean keepAlive = request.version().equals("HTTP/1.0")
                    ? connection != null && connection.equalsIgnoreCase("keep-alive")
                    : connection == null || !connection.equalsIgnoreCase("close");
            output.write(encode(response, keepAlive));
            output.flush();
            if (!keepAlive) {
                return;
            }
        }
    }

    private static void writeQuietly(Socket socket, Response response) {
        try {
            socket.getOutputStream().write(encode(response, false));
        } catch (IOException ignored) {
            // The connection is being dropped anyway.
        }
    }

    /** A request answered with {@code status} (400, or 413 for a body too large) and the connection closed. */
    private static final class BadRequest extends IOException {
        private final int status;

        BadRequest(String message) {
            this(400, message);
        }

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Returns null at a clean end of the connection. */
    private static Request readRequest(InputStream input, OutputStream output) throws IOException {
        String requestLine = readLine(input, true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest("Malformed request line");
        }
        Map<String, String> headers = new TreeMap<>();
        int headerBytes = requestLine.length();
        while (true) {
            String line = readLine(input, false);
            if (line == null) {
                throw new BadRequest("Connection closed inside the headers");
            }
            if (line.isEmpty()) {
                break;
            }
            headerBytes += line.length();
            if (headerBytes > MAXIMUM_HEADER_BYTES) {
                throw new BadRequest("Headers too large");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest("Malformed header line");
            }
            headers.merge(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim(),
                    (first, second) -> first + "," + second);
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            output.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            output.flush();
        }
        byte[] body;
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null
                && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(input);
        } else {
            String length = headers.get("content-length");
            int contentLength;
            try {
                contentLength = length == null ? 0 : Integer.parseInt(length);
            } catch (NumberFormatException invalid) {
                throw new BadRequest("Malformed Content-Length");
            }
            if (contentLength < 0) {
                throw new BadRequest("Malformed Content-Length");
            }
            if (contentLength > MAXIMUM_BODY_BYTES) {
                // Read to the end, so that the client, still sending, gets to read the answer.
                input.skipNBytes(contentLength);
                throw new BadRequest(413, "Request body too large");
            }
            body = input.readNBytes(contentLength);
            if (body.length != contentLength) {
                throw new BadRequest("Connection closed inside the body");
            }
        }
        return new Request(parts[0], parts[1], parts[2], headers, body);
    }

    private static byte[] readChunked(InputStream input) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean tooLarge = false;
        while (true) {
            String sizeLine = readLine(input, false);
            if (sizeLine == null) {
                throw new BadRequest("Connection closed inside a chunk");
            }
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException invalid) {
                throw new BadRequest("Malformed chunk size");
            }
            if (size == 0) {
                while (true) {
                    String trailer = readLine(input, false);
                    if (trailer == null || trailer.isEmpty()) {
                        if (tooLarge) {
                            throw new BadRequest(413, "Request body too large");
                        }
                        return body.toByteArray();
                    }
                }
            }
            if (size < 0) {
                throw new BadRequest("Malformed chunk size");
            }
            tooLarge |= body.size() + size > MAXIMUM_BODY_BYTES;
            if (tooLarge) {
                input.skipNBytes(size);
            } else {
                body.write(input.readNBytes(size));
            }
            readLine(input, false);
        }
    }

    /** Reads one CRLF-terminated line as ISO-8859-1; null at end of stream (allowed only before a request starts). */
    private static String readLine(InputStream input, boolean endAllowed) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int next = input.read();
            if (next < 0) {
                if (line.isEmpty() && endAllowed) {
                    return null;
                }
                return line.isEmpty() ? null : line.toString();
            }
            if (next == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            if (line.length() > MAXIMUM_HEADER_BYTES) {
                throw new BadRequest("Line too long");
            }
            line.append((char) next);
        }
    }

    private static byte[] encode(Response response, boolean keepAlive) {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ")
                .append(response.status())
                .append(' ')
                .append(reason(response.status()))
                .append("\r\n");
        head.append("Content-Type: ").append(response.contentType()).append("\r\n");
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        response.headers()
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        head.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = new byte[headBytes.length + response.body().length];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(response.body(), 0, message, headBytes.length, response.body().length);
        return message;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
