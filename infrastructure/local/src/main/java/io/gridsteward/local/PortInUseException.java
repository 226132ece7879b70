package io.gridsteward.local;

import java.net.BindException;

/** A port the local stack needs is taken; the message is the one line the user sees. */
public final class PortInUseException extends RuntimeException {
    public PortInUseException(int port, String flag) {
        super("port " + port + " is in use; pass " + flag + " N");
    }

    /** Whether a server failed to start because its port was taken, however deep the cause. */
    public static boolean isBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
