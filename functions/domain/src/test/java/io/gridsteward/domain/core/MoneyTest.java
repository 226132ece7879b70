package io.gridsteward.domain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsAndSubtractsWholeFen() {
        assertThat(Money.ofFen(150).plus(Money.ofFen(250))).isEqualTo(Money.ofFen(400));
        assertThat(Money.ofFen(150).minus(Money.ofFen(250))).isEqualTo(Money.ofFen(-100));
        assertThat(Money.ofFen(-100).isNegative()).isTrue();
        assertThat(Money.ofFen(123_456_789).toString()).isEqualTo("¥1,234,567.89");
        assertThat(Money.ofFen(-5).toString()).isEqualTo("-¥0.05");
    }

    @Test
    void refusesWhatAPersonMustNotEnter() {
        assertThatThrownBy(() -> Money.positive("amountFen", 0))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(FieldError::field)
                                .containsExactly("amountFen"));
        assertThatThrownBy(() -> Money.positive("amountFen", -1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Money.positive("amountFen", Money.MAXIMUM_FEN + 1))
                .isInstanceOf(ValidationException.class);
        assertThat(Money.positive("amountFen", Money.MAXIMUM_FEN).fen()).isEqualTo(Money.MAXIMUM_FEN);
        assertThatThrownBy(() -> Money.requireCurrency("currency", "USD"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(FieldError::field)
                                .containsExactly("currency"));
    }

    @Test
    void neverLeavesItsRange() {
        assertThatThrownBy(() -> Money.ofFen(Money.MAXIMUM_FEN).plus(Money.ofFen(1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE)).isInstanceOf(ValidationException.class);
    }
}
