package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When an activity takes place, to the second; the cap of every attendance's hours. */
public record ActivityWindow(Instant startsAt, Instant endsAt) {

    public static final Duration MAXIMUM_LENGTH = Duration.ofHours(24);

    public ActivityWindow {
        requireNonNull(startsAt, "startsAt");
        requireNonNull(endsAt, "endsAt");
        startsAt = startsAt.truncatedTo(ChronoUnit.SECONDS);
        endsAt = endsAt.truncatedTo(ChronoUnit.SECONDS);
        if (!endsAt.isAfter(startsAt)) {
            throw ValidationException.of("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAXIMUM_LENGTH) > 0) {
            throw ValidationException.of("endsAt", "an activity lasts at most " + MAXIMUM_LENGTH.toHours() + " hours");
        }
    }

    public long minutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    /** Whole minutes of [from, to] that fall inside the window; zero when they do not overlap. */
    public long minutesWithin(Instant from, Instant to) {
        Instant start = from.isAfter(startsAt) ? from : startsAt;
        Instant end = to.isBefore(endsAt) ? to : endsAt;
        return end.isAfter(start) ? Duration.between(start, end).toMinutes() : 0;
    }
}
