package io.gridsteward.dynamodb.emulator.expression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservedWordsTest {
    @Test
    void theWholeDocumentedListIsEmbedded() {
        assertThat(ReservedWords.count()).isEqualTo(573);
    }

    @Test
    void matchingIgnoresCase() {
        assertThat(ReservedWords.isReserved("ABORT")).isTrue();
        assertThat(ReservedWords.isReserved("zone")).isTrue();
        assertThat(ReservedWords.isReserved("Timestamp")).isTrue();
        assertThat(ReservedWords.isReserved("ticket")).isFalse();
        assertThat(ReservedWords.isReserved("pk")).isFalse();
    }
}
