package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.ValidationException;
import java.util.regex.Pattern;

/**
 * The object key of an uploaded receipt in the attachments bucket: {@code receipts/{userId}/{id}.{extension}}. Keys
 * are issued to one user with a presigned upload URL; a claim cites only keys issued to its claimant.
 */
public record ReceiptKey(String value) {

    public static final int MAXIMUM_LENGTH = 256;
    private static final Pattern SHAPE = Pattern.compile("receipts/[A-Za-z0-9._:-]+/[A-Za-z0-9-]+\\.(jpg|png|pdf)");

    public ReceiptKey {
        if (value == null || value.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (value.length() > MAXIMUM_LENGTH || !SHAPE.matcher(value).matches() || value.contains("..")) {
            throw ValidationException.ofValue("must be a receipt key issued by POST /v1/fund-receipts");
        }
    }

    public static ReceiptKey newFor(String userId, IdSource ids, String extension) {
        return new ReceiptKey("receipts/" + userId + "/" + ids.newId() + "." + extension);
    }

    public boolean issuedTo(String userId) {
        return value.startsWith("receipts/" + userId + "/");
    }
}
