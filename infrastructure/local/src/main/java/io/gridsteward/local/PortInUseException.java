package io.gridsteward.local;

/** A port the local stack needs is taken; the message is the one line the user sees. */
public final class PortInUseException extends RuntimeException {
    public PortInUseException(int port, String flag) {
        super("port " + port + " is in use; pass " + flag + " N");
    }
}
