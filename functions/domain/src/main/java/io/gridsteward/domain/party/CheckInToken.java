package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A QR token as the organiser's screen shows it, and until when it is good. */
public record CheckInToken(String value, Instant expiresAt) {

    public CheckInToken {
        requireNonNull(value, "value");
        requireNonNull(expiresAt, "expiresAt");
    }
}
