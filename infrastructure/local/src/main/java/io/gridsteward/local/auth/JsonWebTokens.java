package io.gridsteward.local.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issues and verifies RS256 JSON Web Tokens with the JDK alone, playing API Gateway's JWT authorizer and Cognito.
 * The key pair lives in the data directory, so tokens survive a restart of the local stack.
 */
public final class JsonWebTokens {
    public static final String ISSUER = "grid-steward-local";
    public static final String AUDIENCE = "grid-steward";
    /** The one key id of the local issuer's key set; API Gateway refuses a token whose kid is not in the issuer's JWKS. */
    public static final String KEY_ID = "local";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final KeyPair keys;
    private final Clock clock;

    public JsonWebTokens(KeyPair keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Loads the key pair from {@code directory}, or creates and stores one there. */
    public static JsonWebTokens loadOrCreate(Path directory, Clock clock) throws IOException {
        Path privateFile = directory.resolve("jwt-private-key.der");
        Path publicFile = directory.resolve("jwt-public-key.der");
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                KeyFactory factory = KeyFactory.getInstance("RSA");
                PrivateKey privateKey =
                        factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
                return new JsonWebTokens(new KeyPair(publicKey, privateKey), clock);
            }
            KeyPair keys = newKeyPair();
            Files.createDirectories(directory);
            Files.write(privateFile, keys.getPrivate().getEncoded());
            Files.write(publicFile, keys.getPublic().getEncoded());
            return new JsonWebTokens(keys, clock);
        } catch (GeneralSecurityException failure) {
            throw new IOException("cannot load or create the JWT key pair in " + directory, failure);
        }
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("the JDK offers no RSA", failure);
        }
    }

    /** A token carrying the caller's claims as Cognito would ({@code sub}, {@code custom:role}, {@code custom:org_id}). */
    public String issue(String userId, String role, String organisationId, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", userId);
        claims.put("custom:role", role);
        if (organisationId != null && !organisationId.isBlank()) {
            claims.put("custom:org_id", organisationId);
        }
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID)) + "." + encode(claims);
        return signingInput + "." + ENCODER.encodeToString(sign(signingInput));
    }

    /**
     * Checks an {@code Authorization} header's value as API Gateway's JWT authorizer does: scheme, shape, algorithm,
     * key id, signature, expiry, not-before, issuer, audience.
     */
    public TokenVerification verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new TokenVerification.Invalid("no token");
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : authorization.trim();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return new TokenVerification.Invalid("the token is not a JWT");
        }
        try {
            Map<String, Object> header = JSON.readValue(DECODER.decode(parts[0]), OBJECT);
            if (!"RS256".equals(header.get("alg"))) {
                return new TokenVerification.Invalid("the token's algorithm is not RS256");
            }
            if (!KEY_ID.equals(header.get("kid"))) {
                return new TokenVerification.Invalid("the token's kid is not a key of the issuer");
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keys.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(DECODER.decode(parts[2]))) {
                return new TokenVerification.Invalid("signature is invalid");
            }
            Map<String, Object> claims = JSON.readValue(DECODER.decode(parts[1]), OBJECT);
            if (!(claims.get("exp") instanceof Number expiry)
                    || expiry.longValue() <= clock.instant().getEpochSecond()) {
                return new TokenVerification.Invalid("the token has expired");
            }
            if (claims.containsKey("nbf")
                    && (!(claims.get("nbf") instanceof Number notBefore)
                            || notBefore.longValue() > clock.instant().getEpochSecond())) {
                return new TokenVerification.Invalid("the token is not valid yet");
            }
            if (!ISSUER.equals(claims.get("iss"))) {
                return new TokenVerification.Invalid("the token has an invalid issuer");
            }
            if (!AUDIENCE.equals(claims.get("aud"))) {
                return new TokenVerification.Invalid("the token does not have a valid audience");
            }
            Map<String, String> asStrings = new LinkedHashMap<>();
            claims.forEach((name, value) -> asStrings.put(name, String.valueOf(value)));
            return new TokenVerification.Valid(asStrings);
        } catch (IllegalArgumentException | IOException | GeneralSecurityException malformed) {
            return new TokenVerification.Invalid("the token is malformed");
        }
    }

    private byte[] sign(String signingInput) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("cannot sign a token", failure);
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return ENCODER.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
