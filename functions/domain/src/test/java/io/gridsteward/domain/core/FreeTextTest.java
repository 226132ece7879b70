package io.gridsteward.domain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

    @Test
    void lengthIsCountedInCharactersAsAPersonSeesThem() {
        String thumbsUp = "\uD83D\uDC4D\uD83C\uDFFD";
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String accented = "e\u0301";

        assertThat(FreeText.characters(thumbsUp)).isEqualTo(1);
        assertThat(FreeText.characters(family)).isEqualTo(1);
        assertThat(FreeText.characters(accented)).isEqualTo(1);
        assertThat(FreeText.characters("路灯不亮")).isEqualTo(4);
        assertThat(FreeText.require("\uD83D\uDE00".repeat(1001), 2000)).hasSize(2002);
        assertThat(FreeText.require(family.repeat(2000), 2000)).isNotEmpty();
        assertThatThrownBy(() -> FreeText.require("\uD83D\uDE00".repeat(2001), 2000))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 2000 characters");
    }

    @Test
    void textIsKeptInNormalisationFormC() {
        assertThat(FreeText.require("Cafe\u0301 on Qingshan Road", 100)).isEqualTo("Caf\u00E9 on Qingshan Road");
    }

    @Test
    void lineFeedsTabsAndOrdinaryTextAreKept() {
        assertThat(FreeText.require("第一行\n\t第二行 — ok", 100)).isEqualTo("第一行\n\t第二行 — ok");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nul \u0000",
                "bell \u0007",
                "escape \u001B[31m",
                "carriage \r",
                "delete \u007F",
                "c1 \u0085",
                "lone high \uD83D",
                "lone low \uDE00 x",
                "swapped \uDE00\uD83D",
                "override \u202E",
                "embedding \u202A",
                "pop \u202C",
                "isolate \u2066",
                "first strong \u2068",
                "pop isolate \u2069"
            })
    void controlsLoneSurrogatesAndBidirectionalControlsAreRefused(String text) {
        assertThatThrownBy(() -> FreeText.require(text, 100))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused -> assertThat(refused.errors())
                                .singleElement()
                                .satisfies(error -> assertThat(error.field()).isEmpty()));
    }

    @Test
    void missingOrBlankTextIsRequired() {
        assertThatThrownBy(() -> FreeText.require(null, 10)).hasMessage("is required");
        assertThatThrownBy(() -> FreeText.require(" \n", 10)).hasMessage("is required");
    }
}
