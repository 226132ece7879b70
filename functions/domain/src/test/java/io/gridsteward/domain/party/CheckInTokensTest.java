package io.gridsteward.domain.party;

import static io.gridsteward.domain.party.PartyFixture.KEY;
import static io.gridsteward.domain.party.PartyFixture.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CheckInTokensTest {

    private static final ActivityId ACTIVITY = new ActivityId("activity-1");
    private static final Instant ISSUED = Instant.parse("2026-03-07T01:00:00Z");

    private final CheckInTokens tokens = tokens();

    @Test
    void aFreshTokenOfTheActivityGivesItsNonceUntilItsValidityRunsOut() {
        CheckInToken token = tokens.issue(ACTIVITY, ISSUED);

        assertThat(token.expiresAt()).isEqualTo(ISSUED.plusSeconds(30));
        assertThat(tokens.verify(token.value(), ACTIVITY, ISSUED.plusSeconds(29)))
                .isEqualTo("nonce-1");
        refused(token.value(), ISSUED.plusSeconds(30), "has expired");
        refused(token.value(), ISSUED.minusSeconds(6), "has expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyOrAlteredIsForged() {
        CheckInTokens otherKey = new CheckInTokens(
                "another key, also thirty-two by!".getBytes(StandardCharsets.US_ASCII),
                Duration.ofSeconds(30),
                () -> "n");
        refused(otherKey.issue(ACTIVITY, ISSUED).value(), ISSUED, "is forged");

        String genuine = tokens.issue(ACTIVITY, ISSUED).value();
        String payload = genuine.substring(0, genuine.indexOf('.'));
        String later = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("activity-1\n" + ISSUED.plusSeconds(3600).toEpochMilli() + "\nnonce-1")
                        .getBytes(StandardCharsets.UTF_8));
        refused(later + genuine.substring(genuine.indexOf('.')), ISSUED, "is forged");
        refused(payload + ".AAAA", ISSUED, "is forged");
        refused("not a token", ISSUED, "is not a check-in token");
        refused("", ISSUED, "is required");
    }

    @Test
    void aTokenOfAnotherActivityIsRefused() {
        String token = tokens.issue(new ActivityId("activity-2"), ISSUED).value();
        refused(token, ISSUED, "another activity");
    }

    @Test
    void theKeyMustBeLongEnough() {
        assertThatThrownBy(() -> new CheckInTokens(new byte[16], Duration.ofSeconds(30), () -> "n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KEY).hasSize(CheckInTokens.MINIMUM_KEY_BYTES);
    }

    private void refused(String token, Instant at, String message) {
        assertThatThrownBy(() -> tokens.verify(token, ACTIVITY, at))
                .isInstanceOfSatisfying(ValidationException.class, exception -> {
                    assertThat(exception.errors()).extracting("field").containsExactly("token");
                    assertThat(exception.getMessage()).contains(message);
                });
    }
}
