package io.gridsteward.store.core;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.ValidationException;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} for one request: scoped to the caller, so two callers never collide, and
 * bound to a hash of the request so that a reused key with a different request is refused rather than replayed.
 */
public record IdempotencyClaim(String callerId, String key, String requestHash) {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAXIMUM_LENGTH = 255;
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    public IdempotencyClaim {
        requireNonNull(callerId, "callerId");
        requireNonNull(requestHash, "requestHash");
        if (key == null
                || key.isEmpty()
                || key.length() > MAXIMUM_LENGTH
                || !PRINTABLE_ASCII.matcher(key).matches()) {
            throw ValidationException.of(
                    HEADER, "must be 1 to %d printable ASCII characters without spaces".formatted(MAXIMUM_LENGTH));
        }
    }
}
