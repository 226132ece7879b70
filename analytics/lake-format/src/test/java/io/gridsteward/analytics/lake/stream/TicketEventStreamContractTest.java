package io.gridsteward.analytics.lake.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.analytics.lake.TicketEventRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lake's side of the stream-item contract: the records of the store's fixture (what the store writes, checked on
 * the store's side) become these rows, written down here by hand; personal attributes on the items (actorId, reason,
 * photoKeys) reach no column.
 */
class TicketEventStreamContractTest {

    private static final String TICKET = "7f3c2a10-5b1e-4c7d-9a8e-1d2c3b4a5f60";

    @Test
    void theStoresTicketEventItemsBecomeTheseRows() {
        List<RecordOutcome> outcomes = StreamEventFixture.records().stream()
                .map(new StreamRecordConverter()::convert)
                .toList();

        assertThat(outcomes)
                .containsExactly(
                        new RecordOutcome.Row(
                                "100000000000000000004",
                                new TicketEventRow(
                                        "bb5ab839-fb03-37ca-80ab-7a31760d70ed",
                                        TICKET,
                                        4,
                                        "RESOLVED",
                                        "ACCEPTED",
                                        "RESOLVED",
                                        Instant.parse("2026-11-25T10:00:00.250Z"),
                                        "GRID_WORKER",
                                        "grid-hebin-1",
                                        "grid-hebin-1",
                                        "community-hebin",
                                        "town-qingxi",
                                        "streetlight",
                                        "grid-hebin-1",
                                        "NORMAL",
                                        Instant.parse("2026-11-25T09:00:00Z"),
                                        Instant.parse("2026-11-26T08:00:00Z"),
                                        null,
                                        "GRID")),
                        new RecordOutcome.Row(
                                "100000000000000000005",
                                new TicketEventRow(
                                        "9adf4169-e76d-3b3a-8d2f-780d1721eb2e",
                                        TICKET,
                                        5,
                                        "EVALUATED",
                                        "RESOLVED",
                                        "EVALUATED",
                                        Instant.parse("2026-11-25T11:00:00Z"),
                                        "RESIDENT",
                                        null,
                                        "grid-hebin-1",
                                        "community-hebin",
                                        "town-qingxi",
                                        "streetlight",
                                        "grid-hebin-1",
                                        "NORMAL",
                                        Instant.parse("2026-11-25T09:00:00Z"),
                                        Instant.parse("2026-11-26T08:00:00Z"),
                                        4,
                                        "GRID")));
    }

    @Test
    void theFixturesEntityIsTheOneTheConverterReads() {
        assertThat(StreamEventFixture.records())
                .allSatisfy(record -> assertThat(
                                record.getDynamodb().getNewImage().get("entity").getS())
                        .isEqualTo(StreamRecordConverter.TICKET_EVENT));
    }
}
