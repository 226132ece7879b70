package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.ValidationException;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** What the handler did: a note and the keys of photos taken on site. */
public record Resolution(Note note, List<PhotoKey> photos) {

    public static final int MAXIMUM_PHOTOS = 9;

    public Resolution {
        requireNonNull(note, "note");
        photos = List.copyOf(photos);
        if (photos.size() > MAXIMUM_PHOTOS) {
            throw ValidationException.of("photoKeys", "at most %d photos".formatted(MAXIMUM_PHOTOS));
        }
    }
}
