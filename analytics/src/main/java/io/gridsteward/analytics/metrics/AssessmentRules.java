package io.gridsteward.analytics.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Properties;

/**
 * The assessment's rules, as data ({@code sql/rules/assessment_rules.properties}): how long after its end a period's
 * figures still take events, the minimum count before an organisation is ranked, the lists' size, the composite
 * score's weights, and what a rating of 4 counts for. Weights are decimals so the formula shows them as written.
 */
public record AssessmentRules(
        int freezeDays,
        int minimumTickets,
        int listSize,
        BigDecimal responseWeight,
        BigDecimal resolutionWeight,
        BigDecimal satisfactionWeight,
        BigDecimal basicallySatisfiedWeight) {

    static final String RESOURCE = "sql/rules/assessment_rules.properties";

    public AssessmentRules {
        Objects.requireNonNull(responseWeight, "responseWeight");
        Objects.requireNonNull(resolutionWeight, "resolutionWeight");
        Objects.requireNonNull(satisfactionWeight, "satisfactionWeight");
        Objects.requireNonNull(basicallySatisfiedWeight, "basicallySatisfiedWeight");
        if (freezeDays < 0 || freezeDays > 366) {
            throw new IllegalArgumentException("freeze-days must be 0 to 366, not " + freezeDays);
        }
        if (minimumTickets < 1) {
            throw new IllegalArgumentException("minimum-tickets must be at least 1, not " + minimumTickets);
        }
        if (listSize < 1) {
            throw new IllegalArgumentException("list-size must be at least 1, not " + listSize);
        }
        for (BigDecimal weight :
                new BigDecimal[] {responseWeight, resolutionWeight, satisfactionWeight, basicallySatisfiedWeight}) {
            if (weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a weight is between 0 and 1, not " + weight.toPlainString());
            }
        }
        if (responseWeight.add(resolutionWeight).add(satisfactionWeight).compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("the score's weights sum to 1, not "
                    + responseWeight
                            .add(resolutionWeight)
                            .add(satisfactionWeight)
                            .toPlainString());
        }
    }

    /** The rules shipped with the SQL files. */
    public static AssessmentRules bundled() {
        Properties properties = new Properties();
        try (InputStream input = AssessmentRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException("no assessment rules (looked for classpath resource " + RESOURCE + ")");
            }
            properties.load(input);
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot read " + RESOURCE, exception);
        }
        return new AssessmentRules(
                Integer.parseInt(required(properties, "freeze-days")),
                Integer.parseInt(required(properties, "minimum-tickets")),
                Integer.parseInt(required(properties, "list-size")),
                new BigDecimal(required(properties, "response-weight")),
                new BigDecimal(required(properties, "resolution-weight")),
                new BigDecimal(required(properties, "satisfaction-weight")),
                new BigDecimal(required(properties, "basically-satisfied-weight")));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return value.strip();
    }
}
