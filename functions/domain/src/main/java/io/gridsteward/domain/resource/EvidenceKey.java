package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.ValidationException;
import java.util.regex.Pattern;

/** The object key of a photo of a project's completion in the attachments bucket; the project keeps keys, never images. */
public record EvidenceKey(String value) {

    public static final int MAXIMUM_LENGTH = 256;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]*");
    private static final String PREFIX = "resources/projects/";

    public EvidenceKey {
        if (value == null || value.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (value.length() > MAXIMUM_LENGTH || !SHAPE.matcher(value).matches() || value.contains("..")) {
            throw ValidationException.ofValue(
                    "must be an object key of at most %d letters, digits, '/', '.', '_' or '-'"
                            .formatted(MAXIMUM_LENGTH));
        }
    }

    /** A new key for a photo of this project: {@code resources/projects/{projectId}/{id}.{extension}}. */
    public static EvidenceKey newFor(ProjectId project, IdSource ids, String extension) {
        return new EvidenceKey(PREFIX + project.value() + "/" + ids.newId() + "." + extension);
    }
}
