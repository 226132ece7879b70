package io.gridsteward.api;

import io.gridsteward.domain.Caller;
import io.gridsteward.domain.ValidationException;
import io.gridsteward.store.IdempotencyClaim;

import java.util.Optional;

/**
 * The optional {@code Idempotency-Key} request header of the report and of every step: the caller's claim on one
 * request, bound to a hash of its body, and the {@code Idempotent-Replayed} answer header.
 */
final class IdempotencyHeader {

    /** The header as every step endpoint documents it in the OpenAPI document. */
    static final String STEP_DESCRIPTION = "Optional, 1-255 printable ASCII characters without spaces. A retry with the same key, ticket, step "
            + "and body answers 200 with the ticket as it is now (Idempotent-Replayed: true) and writes nothing, even when the ticket moved on "
            + "since; the same key with another body, ticket or step (or a report) is refused with 422. Keys are the caller's own and kept 24 hours.";

    /** {@code true} when an earlier request with the same key wrote the answer and this one wrote nothing. */
    static final String REPLAYED = "Idempotent-Replayed";

    private IdempotencyHeader() {
    }

    /** The caller's claim when the header is present; a 400 naming the header when its value is unusable. */
    static Optional<IdempotencyClaim> claim(Caller caller, String key, String body) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IdempotencyClaim(caller.userId(), key, RequestHash.of(body)));
        }
        catch (ValidationException unusable) {
            throw ApiException.malformedHeader(unusable.errors());
        }
    }
}
