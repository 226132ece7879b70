package io.gridsteward.store.core;

/** A page cursor that this list did not hand out: altered, truncated, or taken from another list. */
public final class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
