package io.gridsteward.lakemaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackfillTest {

    private static final LakeDays TWO_DAYS = new LakeDays(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"));

    private final LakeHarness lake = new LakeHarness();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void close() throws Exception {
        lake.close();
    }

    @Test
    void theBackfilledLakeHoldsTheSameRowsAsTheStreamPath() {
        List<Map<String, String>> events = ReconciliationTest.events();
        lake.putItems(events);
        lake.streamBatch(events.subList(0, 25), 100);
        lake.streamBatch(events.subList(25, events.size()), 200);
        List<List<Object>> streamRows = rows();

        Backfill.Result result = backfill().run(TWO_DAYS, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(rows()).containsExactlyInAnyOrderElementsOf(streamRows).hasSize(events.size());
        int kind = LakeSchema.TICKET_EVENTS.columnNames().indexOf("assignee_org_kind");
        assertThat(rows())
                .extracting(row -> row.get(kind))
                .containsOnly("DEPARTMENT", null)
                .contains("DEPARTMENT");
        assertThat(result.writtenKeys())
                .containsExactly(
                        "ticket_events/dt=2026-11-20/backfill-2026-11-20.parquet",
                        "ticket_events/dt=2026-11-21/backfill-2026-11-21.parquet");
        assertThat(result.replacedObjects()).isEqualTo(3);
        assertThat(result.unreadable()).isEmpty();
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("[##############################] 100%  2/2 days");
    }

    @Test
    void aBackfillReplacesWrongObjectsAndAReRunWritesTheSameKeys() {
        List<Map<String, String>> events = ReconciliationTest.events();
        lake.putItems(events);
        // A bug landed only half of the events, and one that is not in the table.
        lake.streamBatch(events.subList(0, 20), 100);
        lake.streamBatch(
                List.of(TicketEventItems.event("phantom", 1, "REPORTED", Instant.parse("2026-11-20T23:50:00Z"))), 900);

        backfill().run(TWO_DAYS, new PrintStream(console, true, StandardCharsets.UTF_8));
        Backfill.Result again = backfill().run(TWO_DAYS, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(again.replacedObjects()).isZero();
        assertThat(new Reconciliation(lake.tableEvents(), lake.storage, lake.reader)
                        .reconcile(TWO_DAYS)
                        .consistent())
                .isTrue();
        assertThat(lake.day("2026-11-20")).hasSize(1);
    }

    private Backfill backfill() {
        return new Backfill(lake.tableEvents(), lake.storage, new StreamRecordConverter(), lake.writer);
    }

    private List<List<Object>> rows() {
        return TWO_DAYS.days().stream()
                .flatMap(day -> lake.day(day).values().stream())
                .flatMap(List::stream)
                .toList();
    }
}
