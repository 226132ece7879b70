package io.gridsteward.api.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.JsonFields;
import io.gridsteward.domain.core.ValidationException;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/tickets/{id}/attachments}: what kind of photo will be uploaded. */
@Schema(name = "Attachment", description = "The photo's media type: image/jpeg, image/png or image/webp.")
public record AttachmentBody(
        @Schema(required = true, examples = "image/jpeg") String contentType) {

    /** The media types a photo may have, with the key's file extension. */
    static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");

    static AttachmentBody parse(ObjectMapper mapper, String body) {
        JsonFields fields = JsonFields.parse(mapper, body);
        fields.rejectFieldsOtherThan(Set.of("contentType"));
        String contentType = fields.requiredText("contentType");
        fields.throwIfMalformed();
        return new AttachmentBody(contentType);
    }

    /** A 422 naming {@code contentType} when it is not a photo type. */
    String extension() {
        String extension = EXTENSIONS.get(contentType);
        if (extension == null) {
            throw ValidationException.of(
                    "contentType",
                    "must be one of " + EXTENSIONS.keySet().stream().sorted().toList());
        }
        return extension;
    }
}
