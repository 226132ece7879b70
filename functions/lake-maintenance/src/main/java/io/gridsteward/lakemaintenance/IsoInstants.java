package io.gridsteward.lakemaintenance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the table writes them: ISO-8601 UTC with exactly three fraction digits, so they sort as strings. */
final class IsoInstants {

    private static final DateTimeFormatter MILLISECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private IsoInstants() {}

    static String format(Instant instant) {
        return MILLISECONDS.format(instant);
    }
}
