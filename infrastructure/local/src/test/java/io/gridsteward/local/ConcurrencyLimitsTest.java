package io.gridsteward.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.local.template.SamTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitsTest {

    private static SamTemplate.FunctionSpecification function(Optional<Integer> reservedConcurrency) {
        return new SamTemplate.FunctionSpecification(
                "ApiFunction",
                "api",
                "functions/api/target/function.zip",
                "example.Handler::handleRequest",
                Duration.ofSeconds(20),
                1024,
                reservedConcurrency,
                Map.of(),
                List.of(),
                List.of(),
                Optional.empty());
    }

    @Test
    void theTemplatesReservedConcurrencyIsTheLimitUpToTheMachinesProcessors() {
        ConcurrencyLimits limits = ConcurrencyLimits.from(Map.of(), 4);

        assertThat(limits.limitOf(function(Optional.of(3)))).isEqualTo(3);
        assertThat(limits.limitOf(function(Optional.of(10)))).isEqualTo(4);
        assertThat(limits.limitOf(function(Optional.empty()))).isEqualTo(1);
    }

    @Test
    void aSmallMachineStillRunsTwoInstances() {
        assertThat(ConcurrencyLimits.from(Map.of(), 1).limitOf(function(Optional.of(10))))
                .isEqualTo(2);
    }

    @Test
    void theEnvironmentSetsTheDefaultAndTheCeiling() {
        ConcurrencyLimits limits = ConcurrencyLimits.from(
                Map.of(
                        ConcurrencyLimits.DEFAULT_VARIABLE, "2",
                        ConcurrencyLimits.CEILING_VARIABLE, "6"),
                2);

        assertThat(limits.limitOf(function(Optional.empty()))).isEqualTo(2);
        assertThat(limits.limitOf(function(Optional.of(10)))).isEqualTo(6);
        assertThat(limits.limitOf(function(Optional.of(5)))).isEqualTo(5);
    }

    @Test
    void aLimitThatIsNotAPositiveNumberIsRefusedByName() {
        assertThatThrownBy(() -> ConcurrencyLimits.from(Map.of(ConcurrencyLimits.CEILING_VARIABLE, "many"), 2))
                .hasMessageContaining(ConcurrencyLimits.CEILING_VARIABLE);
        assertThatThrownBy(() -> ConcurrencyLimits.from(Map.of(ConcurrencyLimits.DEFAULT_VARIABLE, "0"), 2))
                .hasMessageContaining(ConcurrencyLimits.DEFAULT_VARIABLE);
    }
}
