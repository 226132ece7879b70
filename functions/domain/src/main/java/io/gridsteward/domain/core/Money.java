package io.gridsteward.domain.core;

/**
 * An amount of Chinese yuan in whole fen (分), never a floating-point number: every balance is a sum of these and
 * must equal its ledger exactly. Negative amounts exist only as ledger entries that take money away; what a person
 * enters (a claim, an allocation) is checked with {@link #positive(String, long)}.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final String CURRENCY = "CNY";
    public static final Money ZERO = new Money(0);
    /** ¥10 billion: more than any county fund, and far from overflow when amounts are added up. */
    public static final long MAXIMUM_FEN = 1_000_000_000_000L;

    public Money {
        if (fen > MAXIMUM_FEN || fen < -MAXIMUM_FEN) {
            throw ValidationException.ofValue("must be at most %d fen".formatted(MAXIMUM_FEN));
        }
    }

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** An amount a person entered for {@code field}: more than zero and at most {@link #MAXIMUM_FEN}. */
    public static Money positive(String field, long fen) {
        if (fen <= 0) {
            throw ValidationException.of(field, "must be more than 0 fen");
        }
        if (fen > MAXIMUM_FEN) {
            throw ValidationException.of(field, "must be at most %d fen".formatted(MAXIMUM_FEN));
        }
        return new Money(fen);
    }

    /** Checks a currency code a client sent beside an amount: only {@value #CURRENCY} is kept. */
    public static void requireCurrency(String field, String currency) {
        if (!CURRENCY.equals(currency)) {
            throw ValidationException.of(field, "must be " + CURRENCY);
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negated() {
        return new Money(-fen);
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** For people: {@code ¥1,234.50}. */
    @Override
    public String toString() {
        long whole = Math.abs(fen) / 100;
        long cents = Math.abs(fen) % 100;
        return "%s¥%,d.%02d".formatted(fen < 0 ? "-" : "", whole, cents);
    }
}
