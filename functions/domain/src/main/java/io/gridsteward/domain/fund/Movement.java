package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Money;

/**
 * What one ledger entry does to an account's three sums: money put in ({@code funded}: allocations, transfers,
 * carry-over), money held for submitted claims ({@code reserved}) and money paid out ({@code paid}). Available is
 * funded − reserved − paid; the balance is funded − paid.
 */
public record Movement(Money funded, Money reserved, Money paid) {

    /** A step that moves no money (a review, a publication). */
    public static final Movement NONE = new Movement(Money.ZERO, Money.ZERO, Money.ZERO);

    public Movement {
        requireNonNull(funded, "funded");
        requireNonNull(reserved, "reserved");
        requireNonNull(paid, "paid");
    }

    public static Movement fund(Money amount) {
        return new Movement(amount, Money.ZERO, Money.ZERO);
    }

    public static Movement withdrawFunds(Money amount) {
        return new Movement(amount.negated(), Money.ZERO, Money.ZERO);
    }

    public static Movement reserve(Money amount) {
        return new Movement(Money.ZERO, amount, Money.ZERO);
    }

    public static Movement release(Money amount) {
        return new Movement(Money.ZERO, amount.negated(), Money.ZERO);
    }

    /** Payment turns a reservation into money paid; available stays as it was. */
    public static Movement settle(Money amount) {
        return new Movement(Money.ZERO, amount.negated(), amount);
    }

    /** Unspent money paid back: paid shrinks and the money is available again. */
    public static Movement refund(Money amount) {
        return new Movement(Money.ZERO, Money.ZERO, amount.negated());
    }

    public boolean isNone() {
        return equals(NONE);
    }

    public Money availableChange() {
        return funded.minus(reserved).minus(paid);
    }

    public Money balanceChange() {
        return funded.minus(paid);
    }

    public Movement plus(Movement other) {
        return new Movement(funded.plus(other.funded), reserved.plus(other.reserved), paid.plus(other.paid));
    }
}
