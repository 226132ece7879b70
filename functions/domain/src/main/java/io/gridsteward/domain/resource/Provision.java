package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.ValidationException;

/**
 * What an item gives or asks for and how much: a kind, a quantity (places in a venue, pieces of equipment, volunteers,
 * service sessions, or fen of money) and the value of one unit, so that the dashboards can add up what moved down.
 * Money is its own unit: a quantity of fen whose unit value is one fen.
 */
public record Provision(ResourceKind kind, long quantity, Money unitValue) {

    /** A million units of anything but money: far above any real offer, and the value stays within {@link Money#MAXIMUM_FEN}. */
    public static final long MAXIMUM_QUANTITY = 1_000_000L;

    public static final Money ONE_FEN = Money.ofFen(1);

    public Provision {
        requireNonNull(kind, "kind");
        requireNonNull(unitValue, "unitValue");
        FieldErrors errors = new FieldErrors();
        long maximum = kind == ResourceKind.MONEY ? Money.MAXIMUM_FEN : MAXIMUM_QUANTITY;
        if (quantity < 1 || quantity > maximum) {
            errors.add("quantity", "must be between 1 and %d".formatted(maximum));
        }
        if (kind == ResourceKind.MONEY && !unitValue.equals(ONE_FEN)) {
            errors.add("unitValueFen", "money is counted in fen: its unit value is 1 fen");
        }
        if (unitValue.isNegative() || unitValue.fen() > Money.MAXIMUM_FEN / MAXIMUM_QUANTITY) {
            errors.add("unitValueFen", "must be between 0 and %d fen".formatted(Money.MAXIMUM_FEN / MAXIMUM_QUANTITY));
        }
        errors.throwIfAny();
    }

    /** A sum of money offered or asked for, in fen. */
    public static Provision money(long fen) {
        return new Provision(ResourceKind.MONEY, fen, ONE_FEN);
    }

    /** What {@code units} of this provision are worth. */
    public Money valueOf(long units) {
        if (units < 0 || units > quantity) {
            throw ValidationException.of("quantity", "must be between 0 and %d".formatted(quantity));
        }
        return Money.ofFen(Math.multiplyExact(units, unitValue.fen()));
    }
}
