package io.gridsteward.lakemaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final LakeDays TWO_DAYS = new LakeDays(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"));

    private final LakeHarness lake = new LakeHarness();

    @AfterEach
    void close() throws Exception {
        lake.close();
    }

    @Test
    void aLakeHoldingEveryEventOnceOrMoreIsConsistent() {
        List<Map<String, String>> events = events();
        lake.putItems(events);
        lake.streamBatch(events.subList(0, 30), 100);
        lake.streamBatch(events.subList(30, events.size()), 200);
        lake.streamBatch(events.subList(20, 40), 300);

        Reconciliation.Report report = reconciliation().reconcile(TWO_DAYS);

        assertThat(report.consistent()).isTrue();
        assertThat(report.tableEvents()).isEqualTo(events.size());
        assertThat(report.lakeEvents()).isEqualTo(events.size());
        assertThat(report.days())
                .extracting(Reconciliation.DayReconciliation::day)
                .containsExactly("2026-11-20", "2026-11-21");
        assertThat(report.days().stream()
                        .mapToLong(Reconciliation.DayReconciliation::lakeRows)
                        .sum())
                .isEqualTo(events.size() + 20);
    }

    @Test
    void missingAndExtraEventsAreNamedPerDay() {
        List<Map<String, String>> events = events();
        lake.putItems(events.subList(0, events.size() - 1));
        // The lake lost events 5 and 45 (one on each day) and holds the last event, which the table does not.
        List<Map<String, String>> landed = new ArrayList<>(events);
        landed.remove(45);
        landed.remove(5);
        lake.streamBatch(landed, 100);

        Reconciliation.Report report = reconciliation().reconcile(TWO_DAYS);

        assertThat(report.consistent()).isFalse();
        Reconciliation.DayReconciliation first = report.days().getFirst();
        Reconciliation.DayReconciliation second = report.days().get(1);
        assertThat(first.missingFromLake()).containsExactly(events.get(5).get("eventId"));
        assertThat(first.extraInLake()).isEmpty();
        assertThat(second.missingFromLake()).containsExactly(events.get(45).get("eventId"));
        assertThat(second.extraInLake()).containsExactly(events.getLast().get("eventId"));
        assertThat(MaintenanceReports.lines(report))
                .anyMatch(line -> line.contains(
                        "missing from the lake (1): " + events.get(5).get("eventId")));
    }

    private Reconciliation reconciliation() {
        return new Reconciliation(lake.tableEvents(), lake.storage, lake.reader);
    }

    /** 30 events on 2026-11-20 and 30 on 2026-11-21, the first day's last ones just before midnight. */
    static List<Map<String, String>> events() {
        List<Map<String, String>> events = new ArrayList<>();
        Instant start = Instant.parse("2026-11-20T23:40:00Z");
        for (int index = 0; index < 60; index++) {
            Instant at = index < 30 ? start.plusSeconds(index * 30L) : start.plusSeconds(1200 + index * 30L);
            events.add(TicketEventItems.event(
                    "ticket-" + index / 2, index % 2 + 1, index % 2 == 0 ? "REPORTED" : "DISPATCHED", at));
        }
        return events;
    }
}
