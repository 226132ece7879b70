package io.gridsteward.local.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 as Jetty parses it, except that a header holding a control character (other than horizontal tab) is
 * refused with an exception naming the header: Jetty's own parser refuses it too, but says only "Illegal character",
 * and the front's problem must name what is at fault.
 */
final class HeaderScreeningConnectionFactory extends HttpConnectionFactory {

    /** A header the front refuses; {@link #header()} is its name, control characters escaped. */
    static final class ControlCharacterInHeader extends HttpException.RuntimeException {
        private final String header;

        ControlCharacterInHeader(String header) {
            super(400, "the header " + header + " holds a control character");
            this.header = header;
        }

        String header() {
            return header;
        }
    }

    HeaderScreeningConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected HttpParser newHttpParser(HttpCompliance compliance) {
                HttpParser standard = super.newHttpParser(compliance);
                return new HttpParser(
                        (HttpParser.RequestHandler) standard.getHandler(),
                        getHttpConfiguration().getRequestHeaderSize(),
                        compliance) {
                    @Override
                    protected boolean parseFields(ByteBuffer buffer) {
                        String header = headerWithControlCharacter(buffer.duplicate());
                        if (header != null) {
                            throw new ControlCharacterInHeader(header);
                        }
                        return super.parseFields(buffer);
                    }
                };
            }
        };
        return configure(connection, connector, endPoint);
    }

    /** The name of the first header line up to the blank line that holds a control character, or null. */
    static String headerWithControlCharacter(ByteBuffer fields) {
        StringBuilder line = new StringBuilder();
        boolean control = false;
        while (fields.hasRemaining()) {
            int octet = fields.get() & 0xff;
            if (octet == '\n') {
                if (control) {
                    return nameOf(line);
                }
                if (line.isEmpty()) {
                    return null;
                }
                line.setLength(0);
            } else if (octet != '\r') {
                control |= octet < 0x20 && octet != '\t' || octet == 0x7f;
                line.append((char) octet);
            }
        }
        return control ? nameOf(line) : null;
    }

    private static String nameOf(CharSequence line) {
        String text = line.toString();
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).trim();
        StringBuilder printable = new StringBuilder();
        name.chars().forEach(character -> {
            if (character < 0x20 || character == 0x7f) {
                printable.append(String.format("\\u%04x", character));
            } else {
                printable.append((char) character);
            }
        });
        return printable.toString();
    }
}
