package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The period an offer or a demand can be claimed in: from {@code from} (inclusive) until {@code until} (exclusive). */
public record Validity(Instant from, Instant until) {

    public Validity {
        requireNonNull(from, "from");
        requireNonNull(until, "until");
        from = from.truncatedTo(ChronoUnit.MILLIS);
        until = until.truncatedTo(ChronoUnit.MILLIS);
        if (!until.isAfter(from)) {
            throw new ValidationException(List.of(new FieldError("validUntil", "must be after validFrom")));
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(until);
    }
}
