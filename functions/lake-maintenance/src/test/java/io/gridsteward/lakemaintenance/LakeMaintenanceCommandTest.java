package io.gridsteward.lakemaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LakeMaintenanceCommandTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    @Test
    void withoutDatesTheJobsLookBackSevenDaysBeforeToday() {
        LakeMaintenanceCommand.Command command =
                LakeMaintenanceCommand.Command.parse(new String[] {"reconcile"}, TODAY);

        assertThat(command.period())
                .isEqualTo(new LakeDays(LocalDate.parse("2026-11-18"), LocalDate.parse("2026-11-24")));
    }

    @Test
    void aBackfillNeedsItsFirstDayAndDefaultsToThatOneDay() {
        assertThatThrownBy(() -> LakeMaintenanceCommand.Command.parse(new String[] {"backfill"}, TODAY))
                .hasMessageContaining("--from");
        assertThat(LakeMaintenanceCommand.Command.parse(new String[] {"backfill", "--from", "2026-11-01"}, TODAY)
                        .period())
                .isEqualTo(new LakeDays(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01")));
        assertThat(LakeMaintenanceCommand.Command.parse(
                                new String[] {"compact", "--from", "2026-11-01", "--to", "2026-11-03"}, TODAY)
                        .period()
                        .days())
                .containsExactly("2026-11-01", "2026-11-02", "2026-11-03");
    }

    @Test
    void badArgumentsPrintTheUsageAndExitWith64() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

        for (String[] arguments : new String[][] {
            {},
            {"vacuum"},
            {"compact", "--from"},
            {"compact", "--since", "2026-11-01"},
            {"compact", "--from", "yesterday"},
            {"compact", "--from", "2026-11-05", "--to", "2026-11-01"}
        }) {
            int status = LakeMaintenanceCommand.run(
                    arguments, Map.of(), clock, new PrintStream(output, true, StandardCharsets.UTF_8));
            assertThat(status).as(String.join(" ", arguments)).isEqualTo(LakeMaintenanceCommand.USAGE);
        }
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("usage: lake-maintenance compact|reconcile|backfill");
    }
}
