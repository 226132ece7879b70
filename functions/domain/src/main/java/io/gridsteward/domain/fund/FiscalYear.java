package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.ValidationException;

/** A calendar year, as Chinese public budgets run (1 January to 31 December). */
public record FiscalYear(int value) {

    public static final int EARLIEST = 2000;
    public static final int LATEST = 2100;

    public FiscalYear {
        if (value < EARLIEST || value > LATEST) {
            throw ValidationException.ofValue("must be a year from %d to %d".formatted(EARLIEST, LATEST));
        }
    }

    public FiscalYear next() {
        return new FiscalYear(value + 1);
    }
}
