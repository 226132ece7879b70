package io.gridsteward.api.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.store.core.IdempotencyClaim;
import java.util.Map;
import java.util.Optional;

/**
 * The optional {@code Idempotency-Key} request header of the report and of every step: the caller's claim on one
 * request, bound to a hash of its body, and the {@code Idempotent-Replayed} answer header.
 */
public final class IdempotencyHeader {

    /** The header as the report documents it in the OpenAPI document. */
    public static final String REPORT_DESCRIPTION =
            "Optional, 1-255 printable ASCII characters without spaces. A retry with the same key and body "
                    + "answers with the first ticket (Idempotent-Replayed: true) and creates nothing; the same key with another body (or a step) is "
                    + "refused with 422. Bodies are compared as parsed JSON: other spacing or key order is the same body. Keys are the caller's own and kept 24 hours.";

    /** The header as every step endpoint documents it in the OpenAPI document. */
    public static final String STEP_DESCRIPTION =
            "Optional, 1-255 printable ASCII characters without spaces. A retry with the same key, ticket, step "
                    + "and body answers 200 with the ticket as it is now (Idempotent-Replayed: true) and writes nothing, even when the ticket moved on "
                    + "since; the same key with another body, ticket or step (or a report) is refused with 422. Bodies are compared as parsed JSON: other "
                    + "spacing or key order is the same body. Keys are the caller's own and kept 24 hours.";

    /** {@code true} when an earlier request with the same key wrote the answer and this one wrote nothing. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotencyHeader() {}

    /**
     * The caller's claim when the header is present; a 400 naming the header when its value is unusable. Read from the
     * event itself rather than through {@code @HeaderParam}: the HTTP layer splits header values at commas, so a key
     * holding one would reach the resource cut short and collide with another.
     */
    public static Optional<IdempotencyClaim> claim(Caller caller, APIGatewayV2HTTPEvent event, String body) {
        Optional<String> key = event.getHeaders() == null
                ? Optional.empty()
                : event.getHeaders().entrySet().stream()
                        .filter(header -> header.getKey().equalsIgnoreCase(IdempotencyClaim.HEADER))
                        .map(Map.Entry::getValue)
                        .findFirst();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IdempotencyClaim(caller.userId(), key.get(), RequestHash.of(body)));
        } catch (ValidationException unusable) {
            throw ApiException.malformedHeader(unusable.errors());
        }
    }
}
