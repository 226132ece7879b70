package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.ValidationException;
import java.util.List;
import java.util.Set;

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

    /**
     * Photos count as evidence only once uploaded: {@code uploaded} are the cited keys found in the attachments bucket,
     * whose only writers are the presigned URLs the attachment route issues, one key under one ticket's prefix each.
     *
     * @throws ValidationException naming {@code photoKeys[i]} for every key with no object behind it
     */
    public void requireUploaded(Set<PhotoKey> uploaded) {
        FieldErrors errors = new FieldErrors();
        for (int index = 0; index < photos.size(); index++) {
            if (!uploaded.contains(photos.get(index))) {
                errors.add(
                        "photoKeys[" + index + "]",
                        "was not uploaded: ask POST /v1/tickets/{id}/attachments for a URL and PUT the photo first");
            }
        }
        errors.throwIfAny();
    }
}
