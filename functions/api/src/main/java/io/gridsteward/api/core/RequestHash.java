package io.gridsteward.api.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a request body: what an Idempotency-Key is bound to. A JSON body is hashed in a canonical form (no
 * whitespace, object keys sorted, numbers as written), so a retry that a client library serialised with other spacing
 * or key order is the same request, as Powertools' idempotency hashes the parsed payload; any other body by its bytes.
 */
public final class RequestHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private RequestHash() {}

    public static String of(String body) {
        return sha256(canonical(body));
    }

    static String canonical(String body) {
        try {
            Object parsed = CANONICAL.readValue(body, Object.class);
            return parsed == null ? body : CANONICAL.writeValueAsString(parsed);
        } catch (JsonProcessingException notJson) {
            return body;
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("every JDK has SHA-256", exception);
        }
    }
}
