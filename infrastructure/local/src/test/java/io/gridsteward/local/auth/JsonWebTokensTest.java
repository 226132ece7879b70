package io.gridsteward.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonWebTokensTest {
    private static final KeyPair KEYS = JsonWebTokens.newKeyPair();
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private final JsonWebTokens tokens = new JsonWebTokens(KEYS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFreshTokenCarriesTheCallersClaimsAsStrings() {
        String token = tokens.issue("user-1", "TOWN_DISPATCHER", "town-1", Duration.ofHours(1));

        TokenVerification verification = tokens.verify("Bearer " + token);

        assertThat(verification)
                .isInstanceOfSatisfying(
                        TokenVerification.Valid.class,
                        valid -> assertThat(valid.claims())
                                .containsEntry("sub", "user-1")
                                .containsEntry("custom:role", "TOWN_DISPATCHER")
                                .containsEntry("custom:org_id", "town-1")
                                .containsEntry("exp", Long.toString(NOW.getEpochSecond() + 3600)));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue("user-1", "RESIDENT", null, Duration.ofMinutes(5));
        JsonWebTokens later = new JsonWebTokens(KEYS, Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));

        assertThat(later.verify("Bearer " + token)).isEqualTo(new TokenVerification.Invalid("the token has expired"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String foreign = new JsonWebTokens(JsonWebTokens.newKeyPair(), Clock.fixed(NOW, ZoneOffset.UTC))
                .issue("user-1", "COUNTY_LEADER", "county", Duration.ofHours(1));

        assertThat(tokens.verify("Bearer " + foreign)).isEqualTo(new TokenVerification.Invalid("signature is invalid"));
    }

    @Test
    void aTokenWhoseClaimsWereEditedIsRefused() {
        String[] parts =
                tokens.issue("user-1", "RESIDENT", null, Duration.ofHours(1)).split("\\.");
        String promoted = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("RESIDENT", "COUNTY_LEADER");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(promoted.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(tokens.verify("Bearer " + forged)).isEqualTo(new TokenVerification.Invalid("signature is invalid"));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = tokens.issue("user-1", "COUNTY_LEADER", "county", Duration.ofHours(1))
                .split("\\.")[1];

        assertThat(tokens.verify("Bearer " + header + "." + payload + "."))
                .isEqualTo(new TokenVerification.Invalid("the token's algorithm is not RS256"));
    }

    @Test
    void garbageAndAbsenceAreRefused() {
        assertThat(tokens.verify(null)).isEqualTo(new TokenVerification.Invalid("no token"));
        assertThat(tokens.verify("Bearer abc")).isEqualTo(new TokenVerification.Invalid("the token is not a JWT"));
        assertThat(tokens.verify("Bearer a.b.c")).isEqualTo(new TokenVerification.Invalid("the token is malformed"));
    }

    @Test
    void aTokenNotValidYetIsRefusedAndOneValidFromNowIsAccepted() {
        String future =
                signed("{\"alg\":\"RS256\",\"kid\":\"local\"}", claims("\"nbf\":" + (NOW.getEpochSecond() + 60)));
        String current = signed("{\"alg\":\"RS256\",\"kid\":\"local\"}", claims("\"nbf\":" + NOW.getEpochSecond()));
        String notANumber = signed("{\"alg\":\"RS256\",\"kid\":\"local\"}", claims("\"nbf\":\"soon\""));

        assertThat(tokens.verify("Bearer " + future))
                .isEqualTo(new TokenVerification.Invalid("the token is not valid yet"));
        assertThat(tokens.verify("Bearer " + notANumber))
                .isEqualTo(new TokenVerification.Invalid("the token is not valid yet"));
        assertThat(tokens.verify("Bearer " + current)).isInstanceOf(TokenVerification.Valid.class);
    }

    @Test
    void aTokenWithAKeyIdTheIssuerDoesNotHaveIsRefusedThoughTheSignatureHolds() {
        String otherKid = signed("{\"alg\":\"RS256\",\"kid\":\"attacker\"}", claims(""));
        String noKid = signed("{\"alg\":\"RS256\"}", claims(""));

        assertThat(tokens.verify("Bearer " + otherKid))
                .isEqualTo(new TokenVerification.Invalid("the token's kid is not a key of the issuer"));
        assertThat(tokens.verify("Bearer " + noKid))
                .isEqualTo(new TokenVerification.Invalid("the token's kid is not a key of the issuer"));
    }

    @Test
    void theKeyPairIsKeptSoTokensSurviveARestart(@TempDir Path directory) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String token =
                JsonWebTokens.loadOrCreate(directory, clock).issue("user-1", "RESIDENT", null, Duration.ofHours(1));

        assertThat(JsonWebTokens.loadOrCreate(directory, clock).verify("Bearer " + token))
                .isInstanceOf(TokenVerification.Valid.class);
    }

    private static String claims(String extra) {
        return "{\"iss\":\"" + JsonWebTokens.ISSUER + "\",\"aud\":\"" + JsonWebTokens.AUDIENCE
                + "\",\"sub\":\"user-1\",\"custom:role\":\"RESIDENT\"," + "\"exp\":" + (NOW.getEpochSecond() + 3600)
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    /** A token with this header and these claims, signed with the issuer's own key. */
    private static String signed(String header, String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String signingInput = encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(KEYS.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + encoder.encodeToString(signer.sign());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
