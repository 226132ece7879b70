package io.gridsteward.local;

import io.gridsteward.local.template.SamTemplate;
import java.util.Map;

/**
 * How many instances (JVMs) of a function the local stack may run at once: the template's
 * {@code ReservedConcurrentExecutions}, as Lambda caps it, else {@code defaultLimit}; never more than {@code ceiling},
 * by default the machine's processors (at least 2): a request costs a function more processor time than it waits, so
 * instances beyond the cores add memory (each a JVM of up to three quarters of the function's memory) and cold starts,
 * not throughput.
 */
record ConcurrencyLimits(int defaultLimit, int ceiling) {
    /** The limit of a function whose template entry names none. */
    static final String DEFAULT_VARIABLE = "GRID_STEWARD_DEFAULT_CONCURRENCY";
    /** The most instances of any one function. */
    static final String CEILING_VARIABLE = "GRID_STEWARD_MAX_INSTANCES";

    private static final int DEFAULT_LIMIT = 1;

    ConcurrencyLimits {
        if (defaultLimit < 1 || ceiling < 1) {
            throw new IllegalArgumentException(DEFAULT_VARIABLE + " and " + CEILING_VARIABLE + " must be at least 1");
        }
    }

    static ConcurrencyLimits from(Map<String, String> environment, int processors) {
        return new ConcurrencyLimits(
                number(environment, DEFAULT_VARIABLE, DEFAULT_LIMIT),
                number(environment, CEILING_VARIABLE, Math.max(2, processors)));
    }

    int limitOf(SamTemplate.FunctionSpecification function) {
        return Math.min(ceiling, function.reservedConcurrency().orElse(defaultLimit));
    }

    private static int number(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " needs a number, not " + value);
        }
    }
}
