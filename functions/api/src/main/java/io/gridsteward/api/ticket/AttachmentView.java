package io.gridsteward.api.ticket;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to PUT the photo (with the same Content-Type) and the key to cite when resolving. */
@Schema(name = "AttachmentUpload")
public record AttachmentView(String objectKey, String uploadUrl, String expiresAt, String contentType) {

    static AttachmentView of(AttachmentUploads.Upload upload) {
        return new AttachmentView(
                upload.key().value(), upload.url(), upload.expiresAt().toString(), upload.contentType());
    }
}
