package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rotating QR tokens of check-in and check-out (谁组织谁记录): {@code payload.signature}, the payload naming the
 * activity, the issue time and a fresh nonce, signed with HMAC-SHA256 under a key from configuration. A token is good
 * for {@code validity} after its issue; the nonce lets an attendance refuse the same token twice.
 */
public final class CheckInTokens {

    public static final int MINIMUM_KEY_BYTES = 32;
    /** How far a token's issue time may lie ahead of the verifier's clock (clocks of two functions differ a little). */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String FIELD = "token";

    private final byte[] key;
    private final Duration validity;
    private final IdSource nonces;

    public CheckInTokens(byte[] key, Duration validity, IdSource nonces) {
        requireNonNull(key, "key");
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the check-in token key needs at least %d bytes".formatted(MINIMUM_KEY_BYTES));
        }
        this.key = key.clone();
        this.validity = requireNonNull(validity, "validity");
        this.nonces = requireNonNull(nonces, "nonces");
    }

    public CheckInToken issue(ActivityId activity, Instant now) {
        String payload = encode((activity.value() + "\n" + now.toEpochMilli() + "\n" + nonces.newId())
                .getBytes(StandardCharsets.UTF_8));
        return new CheckInToken(payload + "." + encode(sign(payload)), now.plus(validity));
    }

    /**
     * The token's nonce, when it is genuine, was issued for {@code activity} and is still good at {@code now}.
     *
     * @throws ValidationException naming the field {@code token} otherwise
     */
    public String verify(String token, ActivityId activity, Instant now) {
        if (token == null || token.isBlank()) {
            throw ValidationException.of(FIELD, "is required");
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            throw ValidationException.of(FIELD, "is not a check-in token");
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        String[] parts;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException exception) {
            throw ValidationException.of(FIELD, "is not a check-in token");
        }
        if (!MessageDigest.isEqual(signature, sign(payload)) || parts.length != 3) {
            throw ValidationException.of(FIELD, "is forged: its signature does not match");
        }
        if (!parts[0].equals(activity.value())) {
            throw ValidationException.of(FIELD, "was issued for another activity");
        }
        Instant issuedAt = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW)) || !now.isBefore(issuedAt.plus(validity))) {
            throw ValidationException.of(FIELD, "has expired: scan the code on the organiser's screen again");
        }
        return parts[2];
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", exception);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
