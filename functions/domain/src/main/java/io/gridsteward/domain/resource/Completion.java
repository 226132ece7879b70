package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the owner reported when the project was done: a note and the photos, uploaded through issued URLs. */
public record Completion(Reason note, List<EvidenceKey> photos, Instant completedAt) {

    public static final int MAXIMUM_PHOTOS = 9;

    public Completion {
        requireNonNull(note, "note");
        photos = List.copyOf(photos);
        completedAt = completedAt.truncatedTo(ChronoUnit.MILLIS);
    }
}
