package io.gridsteward.store.core;

/** The caller used an {@code Idempotency-Key} again for a different request. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("the %s '%s' was already used for a different request".formatted(IdempotencyClaim.HEADER, key));
    }
}
