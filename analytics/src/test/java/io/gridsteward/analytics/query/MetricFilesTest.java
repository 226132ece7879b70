package io.gridsteward.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.metrics.AssessmentRules;
import io.gridsteward.analytics.metrics.Dimension;
import io.gridsteward.analytics.metrics.Metric;
import io.gridsteward.analytics.metrics.MetricQuery;
import io.gridsteward.analytics.metrics.Period;
import io.gridsteward.analytics.query.TicketStory.Assignee;
import io.gridsteward.analytics.query.TicketStory.Place;
import io.gridsteward.analytics.testing.ParquetFiles;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every metric file on DuckDB over real Parquet objects in a real S3 server, held to hand-computed values and
 * to {@link MetricsReference} on a generated lake, for every dimension and period.
 */
class MetricFilesTest {

    private static final Place ROAD_A = new Place("grid-a", "community-1", "town-1", "ROAD_DAMAGE");
    private static final Place NOISE_B = new Place("grid-b", "community-1", "town-1", "NOISE");
    private static final Place ROAD_C = new Place("grid-c", "community-2", "town-2", "ROAD_DAMAGE");
    /** Departments are known by the kind events carry, not by their ids: only one of these starts with dept-. */
    private static final Assignee ROADS = Assignee.department("dept-roads");

    private static final Assignee HOUSING = Assignee.department("bureau-housing");
    private static final Assignee GRID_B_TEAM = Assignee.grid("org-grid-b");
    /** The lake's first schema: the columns before priority, due times and rating. */
    private static final List<LakeColumn> FIRST_SCHEMA =
            LakeSchema.TICKET_EVENTS.columns().subList(0, 14);

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3ProxyServer server;

    @TempDir
    Path temporary;

    private final String bucket = "metrics-" + BUCKETS.incrementAndGet();
    /** The moment the queries are asked (county wall-clock time): after every hand-picked event unless a test says so. */
    private LocalDateTime now = LocalDateTime.parse("2026-12-20T12:00:00");

    private AssessmentRules rules = AssessmentRules.bundled();

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** Local time in the county (Asia/Shanghai). */
    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(MetricsReference.COUNTY).toInstant();
    }

    /**
     * The hand-picked county: a ticket reported at 23:30 local on 31 October (15:30 UTC, so its dispatch is in the
     * same UTC partition but in November locally), a reopened ticket, three tied dispatches of which one is
     * escalated to a department and one returned, a never-dispatched ticket, a cancelled one; and a redelivered
     * copy of the reopened ticket's events. Two tickets are flagged overdue while in the town dispatcher's queue (the
     * returned one and the never-dispatched one): the flags change no number.
     */
    private List<TicketEventRow> handPickedCounty() {
        List<TicketEventRow> events = new ArrayList<>();
        events.addAll(TicketStory.reported("midnight", ROAD_A, local("2026-10-31T23:30:00"), Duration.ofDays(2))
                .dispatched(ROADS, local("2026-11-01T00:10:00"))
                .accepted(local("2026-11-01T00:40:00"))
                .resolved(local("2026-11-01T09:30:00"))
                .evaluated(5, local("2026-11-01T12:00:00"))
                .events());
        events.addAll(TicketStory.reported("reopened", ROAD_A, local("2026-11-02T08:00:00"), Duration.ofDays(2))
                .dispatched(ROADS, local("2026-11-02T08:10:00"))
                .accepted(local("2026-11-02T08:20:00"))
                .resolved(local("2026-11-02T10:00:00"))
                .evaluated(2, local("2026-11-02T11:00:00"))
                .reopened(local("2026-11-02T12:00:00"), Duration.ofDays(1))
                .resolved(local("2026-11-04T10:00:00"))
                .evaluated(4, local("2026-11-04T12:00:00"))
                .events());
        events.addAll(TicketStory.reported("tie-1", NOISE_B, local("2026-11-03T09:00:00"), Duration.ofDays(1))
                .dispatched(GRID_B_TEAM, local("2026-11-03T09:05:00"))
                .events());
        events.addAll(TicketStory.reported("tie-2", NOISE_B, local("2026-11-03T10:00:00"), Duration.ofDays(1))
                .dispatched(GRID_B_TEAM, local("2026-11-03T10:05:00"))
                .returned(local("2026-11-03T12:00:00"))
                .flaggedOverdue(local("2026-11-03T12:10:00"))
                .dispatched(GRID_B_TEAM, local("2026-11-03T12:30:00"))
                .events());
        events.addAll(TicketStory.reported("tie-3", NOISE_B, local("2026-11-03T11:00:00"), Duration.ofDays(1))
                .dispatched(GRID_B_TEAM, local("2026-11-03T11:10:00"))
                .escalated(HOUSING, local("2026-11-03T15:00:00"))
                .supervised(local("2026-11-04T09:00:00"))
                .events());
        events.addAll(TicketStory.reported("waiting", ROAD_C, local("2026-11-05T08:00:00"), Duration.ofHours(12))
                .flaggedOverdue(local("2026-11-05T10:30:00"))
                .events());
        events.addAll(TicketStory.reported("withdrawn", ROAD_C, local("2026-11-05T09:00:00"), Duration.ofHours(1))
                .cancelled(local("2026-11-05T10:00:00"))
                .events());
        return events;
    }

    @Test
    void durationsAreCountedInTheLocalPeriodOfTheirEndEventWithTheFirstResolution() {
        List<TicketEventRow> events = handPickedCounty();
        writeLake(
                events,
                events.stream()
                        .filter(event -> event.ticketId().equals("reopened"))
                        .toList(),
                List.of());

        // The 23:30 report's dispatch is in November locally: no October row, though both events are dt=2026-10-31.
        assertThat(rows(Metric.TIME_TO_DISPATCH, Dimension.GRID, Period.MONTH, "2026-10-01", "2026-11-30"))
                .containsExactly(
                        row("grid-a", "2026-11-01", "tickets", 2L, "median_seconds", 600.0, "p90_seconds", 2400.0),
                        row("grid-b", "2026-11-01", "tickets", 3L, "median_seconds", 300.0, "p90_seconds", 600.0));
        assertThat(rows(Metric.TIME_TO_DISPATCH, Dimension.GRID, Period.DAY, "2026-10-31", "2026-10-31"))
                .isEmpty();
        assertThat(rows(Metric.TIME_TO_ACCEPT, Dimension.DEPARTMENT, Period.WEEK, "2026-10-26", "2026-11-08"))
                .containsExactly(
                        row("dept-roads", "2026-10-26", "tickets", 1L, "median_seconds", 1800.0, "p90_seconds", 1800.0),
                        row("dept-roads", "2026-11-02", "tickets", 1L, "median_seconds", 600.0, "p90_seconds", 600.0));
        // Reopened: 08:00 on the 2nd to its first resolution at 10:00 the same day, 2 hours; the reopening does not
        // take
        // that resolution out of its day (the second one, on the 4th, is the redo rate's business).
        assertThat(rows(Metric.TIME_TO_RESOLVE, Dimension.GRID, Period.MONTH, "2026-10-01", "2026-11-30"))
                .containsExactly(
                        row("grid-a", "2026-11-01", "tickets", 2L, "median_seconds", 7_200.0, "p90_seconds", 36_000.0));
        assertThat(rows(Metric.TIME_TO_RESOLVE, Dimension.GRID, Period.DAY, "2026-11-02", "2026-11-02"))
                .containsExactly(
                        row("grid-a", "2026-11-02", "tickets", 1L, "median_seconds", 7_200.0, "p90_seconds", 7_200.0));
        assertAgreesWithReference(events, Dimension.GRID, Period.DAY, "2026-10-30", "2026-11-06");
    }

    @Test
    void onTimeRateBacklogRatesAndRatingsOfTheHandPickedCounty() {
        List<TicketEventRow> events = handPickedCounty();
        writeLake(
                events,
                events.stream()
                        .filter(event -> event.ticketId().equals("reopened"))
                        .toList(),
                List.of());

        // The reopened ticket's first resolution (2nd, 10:00) met its original resolve-by time (4th, 08:00): it stays
        // on
        // time in its period, and the reopening is shown beside it.
        assertThat(rows(Metric.ON_TIME_RATE, Dimension.GRID, Period.MONTH, "2026-10-01", "2026-11-30"))
                .containsExactly(row(
                        "grid-a",
                        "2026-11-01",
                        "resolved_tickets",
                        2L,
                        "on_time_tickets",
                        2L,
                        "on_time_rate",
                        1.0,
                        "reopened_tickets",
                        1L));
        assertThat(rows(Metric.OVERDUE_BACKLOG, Dimension.GRID, Period.DAY, "2026-11-03", "2026-11-05"))
                .containsExactly(
                        row("grid-a", "2026-11-03", "open_tickets", 1L, "overdue_tickets", 1L),
                        row("grid-b", "2026-11-03", "open_tickets", 3L, "overdue_tickets", 0L),
                        row("grid-b", "2026-11-04", "open_tickets", 3L, "overdue_tickets", 3L),
                        row("grid-b", "2026-11-05", "open_tickets", 3L, "overdue_tickets", 3L),
                        row("grid-c", "2026-11-05", "open_tickets", 1L, "overdue_tickets", 1L));
        // Escalated to a department: only that ticket has a department; the week is cut at the last day.
        assertThat(rows(Metric.OVERDUE_BACKLOG, Dimension.DEPARTMENT, Period.WEEK, "2026-11-02", "2026-11-03"))
                .containsExactly(
                        row("bureau-housing", "2026-11-02", "open_tickets", 1L, "overdue_tickets", 0L),
                        row("dept-roads", "2026-11-02", "open_tickets", 1L, "overdue_tickets", 1L));
        // Charged to the holder: the town's grids received tie-1, tie-2 twice (returned once) and tie-3 (escalated away
        // to the housing bureau); the roads department received two tickets and resolved three times, one of them
        // reopened.
        assertThat(rows(Metric.TICKET_RATES, Dimension.TOWN, Period.MONTH, "2026-10-01", "2026-11-30"))
                .containsExactly(row(
                        "town-1",
                        "2026-11-01",
                        "received_tickets",
                        4L,
                        "returned_tickets",
                        1L,
                        "escalated_tickets",
                        1L,
                        "return_rate",
                        0.25,
                        "escalation_rate",
                        0.25,
                        "resolved_tickets",
                        0L,
                        "reopened_tickets",
                        0L,
                        "reopen_rate",
                        null));
        assertThat(rows(Metric.TICKET_RATES, Dimension.DEPARTMENT, Period.MONTH, "2026-10-01", "2026-11-30"))
                .containsExactly(
                        row(
                                "bureau-housing",
                                "2026-11-01",
                                "received_tickets",
                                1L,
                                "returned_tickets",
                                0L,
                                "escalated_tickets",
                                0L,
                                "return_rate",
                                0.0,
                                "escalation_rate",
                                0.0,
                                "resolved_tickets",
                                0L,
                                "reopened_tickets",
                                0L,
                                "reopen_rate",
                                null),
                        row(
                                "dept-roads",
                                "2026-11-01",
                                "received_tickets",
                                2L,
                                "returned_tickets",
                                0L,
                                "escalated_tickets",
                                0L,
                                "return_rate",
                                0.0,
                                "escalation_rate",
                                0.0,
                                "resolved_tickets",
                                3L,
                                "reopened_tickets",
                                1L,
                                "reopen_rate",
                                1.0 / 3));
        // A ticket's rating in a period is its last of that period: the reopened ticket's 2 is replaced by its 4 in
        // November, but each day keeps its own.
        assertThat(rows(Metric.RATINGS, Dimension.CATEGORY, Period.MONTH, "2026-10-01", "2026-11-30"))
                .containsExactly(row(
                        "ROAD_DAMAGE",
                        "2026-11-01",
                        "rated_tickets",
                        2L,
                        "mean_rating",
                        4.5,
                        "rating_1",
                        0L,
                        "rating_2",
                        0L,
                        "rating_3",
                        0L,
                        "rating_4",
                        1L,
                        "rating_5",
                        1L));
        assertThat(rows(Metric.RATINGS, Dimension.CATEGORY, Period.DAY, "2026-11-02", "2026-11-04"))
                .containsExactly(
                        row(
                                "ROAD_DAMAGE",
                                "2026-11-02",
                                "rated_tickets",
                                1L,
                                "mean_rating",
                                2.0,
                                "rating_1",
                                0L,
                                "rating_2",
                                1L,
                                "rating_3",
                                0L,
                                "rating_4",
                                0L,
                                "rating_5",
                                0L),
                        row(
                                "ROAD_DAMAGE",
                                "2026-11-04",
                                "rated_tickets",
                                1L,
                                "mean_rating",
                                4.0,
                                "rating_1",
                                0L,
                                "rating_2",
                                0L,
                                "rating_3",
                                0L,
                                "rating_4",
                                1L,
                                "rating_5",
                                0L));
        assertAgreesWithReference(events, Dimension.DEPARTMENT, Period.DAY, "2026-10-30", "2026-11-06");
    }

    /**
     * The hand-picked county's two flags at the town, and tickets the SLA sweeper acts on: one missed by its grid
     * (acceptance), then by the community it went to (resolution, 00:20 local on 7 November, still the 6th in UTC),
     * then twice by its town's dispatcher (dispatch, once after the escalation and once after a return); one missed by a
     * department (resolution). An escalation by hand (tie-3) is no miss.
     */
    @Test
    void slaMissesCountAgainstTheHolderBeforeTheSweepersEvent() {
        List<TicketEventRow> events = handPickedCounty();
        events.addAll(TicketStory.reported("late", ROAD_A, local("2026-11-06T08:00:00"), Duration.ofHours(12))
                .dispatched(Assignee.grid("grid-a"), local("2026-11-06T08:30:00"))
                .escalatedOverdue(Assignee.community("community-1"), local("2026-11-06T11:00:00"))
                .accepted(local("2026-11-06T11:30:00"))
                .escalatedOverdue(Assignee.town("town-1"), local("2026-11-07T00:20:00"))
                .flaggedOverdue(local("2026-11-07T03:00:00"))
                .dispatched(Assignee.grid("grid-a"), local("2026-11-07T04:00:00"))
                .returned(local("2026-11-07T05:00:00"))
                .flaggedOverdue(local("2026-11-07T08:00:00"))
                .events());
        events.addAll(TicketStory.reported("slow-bureau", ROAD_C, local("2026-11-06T09:00:00"), Duration.ofHours(12))
                .dispatched(HOUSING, local("2026-11-06T09:10:00"))
                .accepted(local("2026-11-06T09:30:00"))
                .escalatedOverdue(Assignee.town("town-2"), local("2026-11-06T23:50:00"))
                .events());
        writeLake(
                events,
                events.stream().filter(event -> event.ticketId().equals("late")).toList(),
                List.of());

        assertThat(rows(Metric.SLA_MISSES, Dimension.TOWN, Period.DAY, "2026-11-01", "2026-11-07"))
                .containsExactly(
                        miss("town-1", "2026-11-03", "town-1", "TOWN", 1L, 1L, 0L, 0L, 1L),
                        miss("town-2", "2026-11-05", "town-2", "TOWN", 1L, 1L, 0L, 0L, 1L),
                        miss("town-1", "2026-11-06", "grid-a", "GRID", 1L, 0L, 1L, 0L, 1L),
                        miss("town-2", "2026-11-06", "bureau-housing", "DEPARTMENT", 1L, 0L, 0L, 1L, 1L),
                        miss("town-1", "2026-11-07", "community-1", "COMMUNITY", 1L, 0L, 0L, 1L, 1L),
                        miss("town-1", "2026-11-07", "town-1", "TOWN", 2L, 2L, 0L, 0L, 1L));
        assertThat(rows(Metric.SLA_MISSES, Dimension.TOWN, Period.MONTH, "2026-11-01", "2026-11-30"))
                .containsExactly(
                        miss("town-1", "2026-11-01", "community-1", "COMMUNITY", 1L, 0L, 0L, 1L, 1L),
                        miss("town-1", "2026-11-01", "grid-a", "GRID", 1L, 0L, 1L, 0L, 1L),
                        miss("town-1", "2026-11-01", "town-1", "TOWN", 3L, 3L, 0L, 0L, 2L),
                        miss("town-2", "2026-11-01", "bureau-housing", "DEPARTMENT", 1L, 0L, 0L, 1L, 1L),
                        miss("town-2", "2026-11-01", "town-2", "TOWN", 1L, 1L, 0L, 0L, 1L));
        // Grid, community and department: only the misses of that organisation itself.
        assertThat(rows(Metric.SLA_MISSES, Dimension.GRID, Period.WEEK, "2026-11-01", "2026-11-30"))
                .containsExactly(miss("grid-a", "2026-11-02", "grid-a", "GRID", 1L, 0L, 1L, 0L, 1L));
        assertThat(rows(Metric.SLA_MISSES, Dimension.DEPARTMENT, Period.MONTH, "2026-11-01", "2026-11-30"))
                .containsExactly(
                        miss("bureau-housing", "2026-11-01", "bureau-housing", "DEPARTMENT", 1L, 0L, 0L, 1L, 1L));
        assertThat(rows(Metric.SLA_MISSES, Dimension.COMMUNITY, Period.DAY, "2026-11-06", "2026-11-06"))
                .isEmpty();
        assertAgreesWithReference(events, Dimension.CATEGORY, Period.DAY, "2026-11-01", "2026-11-08");
    }

    /**
     * The assessment's cases: two departments tied at the top, one under the minimum count, a department a ticket was
     * escalated away from by the SLA sweeper, a grid that returned a ticket before accepting it (handed on to another
     * grid of the town), a late resolution with a recorded miss reopened and quickly resolved again, a rating of 4 at
     * the basically-satisfied weight; then November seen from inside it (now on the 5th).
     */
    @Test
    void theAssessmentRanksWithTiesTheMinimumCountAndTheListsAndChargesEachHolder() {
        rules = new AssessmentRules(
                3, 2, 2, new BigDecimal("0.1"), new BigDecimal("0.5"), new BigDecimal("0.4"), new BigDecimal("0.9"));
        List<TicketEventRow> events = new ArrayList<>();
        String[] departments = {"dept-a", "dept-a", "dept-b", "dept-b", "dept-c"};
        for (int index = 0; index < departments.length; index++) {
            Instant reported = local("2026-11-02T09:00:00").plus(Duration.ofHours(index));
            events.addAll(TicketStory.reported("smooth-" + index, ROAD_A, reported, Duration.ofDays(2))
                    .dispatched(Assignee.department(departments[index]), reported.plus(Duration.ofMinutes(5)))
                    .accepted(reported.plus(Duration.ofMinutes(35)))
                    .resolved(reported.plus(Duration.ofDays(1)))
                    .evaluated(5, reported.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)))
                    .events());
        }
        // Accepted three hours after dispatch (late), resolved in time, rated 4: basically satisfied.
        events.addAll(TicketStory.reported("slow-grid", ROAD_A, local("2026-11-03T08:00:00"), Duration.ofDays(2))
                .dispatched(Assignee.grid("grid-a"), local("2026-11-03T08:10:00"))
                .accepted(local("2026-11-03T11:10:00"))
                .resolved(local("2026-11-04T08:00:00"))
                .evaluated(4, local("2026-11-04T09:00:00"))
                .events());
        // Returned by grid-a before acceptance, accepted by grid-b, late past its original due time with a recorded
        // miss,
        // reopened and re-resolved within an hour of the reopening's fresh due time: never on time.
        events.addAll(TicketStory.reported("handed-on", ROAD_A, local("2026-11-03T09:00:00"), Duration.ofDays(1))
                .dispatched(Assignee.grid("grid-a"), local("2026-11-03T09:05:00"))
                .returned(local("2026-11-03T09:50:00"))
                .dispatched(Assignee.grid("grid-b"), local("2026-11-03T10:00:00"))
                .accepted(local("2026-11-03T10:30:00"))
                .escalatedOverdue(Assignee.community("community-1"), local("2026-11-04T09:03:00"))
                .accepted(local("2026-11-04T09:30:00"))
                .resolved(local("2026-11-04T12:00:00"))
                .reopened(local("2026-11-04T13:00:00"), Duration.ofDays(1))
                .resolved(local("2026-11-04T14:00:00"))
                .evaluated(2, local("2026-11-04T15:00:00"))
                .events());
        // Escalated away from dept-d by the sweeper for a missed resolution: charged to dept-d, not to the town.
        events.addAll(TicketStory.reported("escalated-away", ROAD_C, local("2026-11-03T09:00:00"), Duration.ofHours(20))
                .dispatched(Assignee.department("dept-d"), local("2026-11-03T09:10:00"))
                .accepted(local("2026-11-03T09:20:00"))
                .escalatedOverdue(Assignee.town("town-2"), local("2026-11-04T05:02:00"))
                .dispatched(Assignee.community("community-2"), local("2026-11-04T06:00:00"))
                .accepted(local("2026-11-04T06:30:00"))
                .resolved(local("2026-11-04T10:00:00"))
                .events());
        // Still open: due on the 8th.
        events.addAll(TicketStory.reported("open", ROAD_A, local("2026-11-04T10:00:00"), Duration.ofDays(4))
                .dispatched(Assignee.grid("grid-a"), local("2026-11-04T10:05:00"))
                .events());
        writeLake(events, List.of(), List.of());

        List<Map<String, Object>> departmentRows =
                rows(Metric.ASSESSMENT, Dimension.DEPARTMENT, Period.MONTH, "2026-11-01", "2026-11-30");
        assertThat(departmentRows)
                .extracting(
                        row -> row.get("dimension_value"),
                        row -> row.get("received_tickets"),
                        row -> row.get("score"),
                        row -> row.get("ranked"),
                        row -> row.get("rank_in_kind"),
                        row -> row.get("listed"))
                .containsExactly(
                        tuple("dept-a", 2L, 100.0, true, 1L, "red"),
                        tuple("dept-b", 2L, 100.0, true, 1L, "red"),
                        tuple("dept-c", 1L, 100.0, false, null, null),
                        tuple("dept-d", 1L, null, false, null, null));
        // dept-d held the ticket when it fell due: it answers for it; resolved later by the community, not on time.
        assertThat(departmentRows.get(3))
                .containsEntry("resolutions", 0L)
                .containsEntry("due_tickets", 1L)
                .containsEntry("resolved_tickets", 1L)
                .containsEntry("on_time_closures", 0L);
        assertThat(rows(Metric.TICKET_RATES, Dimension.DEPARTMENT, Period.MONTH, "2026-11-01", "2026-11-30"))
                .filteredOn(row -> row.get("dimension_value").equals("dept-d"))
                .extracting(row -> row.get("escalated_tickets"), row -> row.get("escalation_rate"))
                .containsExactly(tuple(1L, 1.0));
        // town-1: grid-a's three receipts (one accepted late, one returned, one still waiting), grid-b's and the
        // community's (both in time); slow-grid resolved on time, handed-on late, open unresolved; ratings 4 (0.9) and
        // 2.
        // Ranked with the two departments, it is the bottom one: the black list.
        Map<String, Object> town = rows(Metric.ASSESSMENT, Dimension.TOWN, Period.MONTH, "2026-11-01", "2026-11-30")
                .getFirst();
        assertThat(town)
                .containsEntry("dimension_value", "town-1")
                .containsEntry("received_tickets", 5L)
                .containsEntry("accepted_in_time", 2L)
                .containsEntry("returned_tickets", 1L)
                .containsEntry("due_tickets", 3L)
                .containsEntry("resolved_tickets", 2L)
                .containsEntry("on_time_closures", 1L)
                .containsEntry("reopened_resolutions", 1L)
                .containsEntry("satisfied", 0.9)
                .containsEntry("ranked", true)
                .containsEntry("rank_from_bottom", 1L)
                .containsEntry("listed", "black")
                .containsEntry("frozen", true);
        assertThat((String) town.get("formula"))
                .startsWith(
                        "score = 100 × (0.1 × response rate + 0.5 × resolution rate"
                                + " + 0.4 × satisfaction rate); satisfied = rating 5 + 0.9 × rating 4; ranked from 2 received tickets");
        // The first resolution after a recorded miss is late whatever the reopening's fresh due time says; the
        // reopening
        // is shown apart and stays in the resolution's day.
        assertThat(rows(Metric.ON_TIME_RATE, Dimension.TOWN, Period.DAY, "2026-11-04", "2026-11-04"))
                .contains(row(
                        "town-1",
                        "2026-11-04",
                        "resolved_tickets",
                        2L,
                        "on_time_tickets",
                        1L,
                        "on_time_rate",
                        0.5,
                        "reopened_tickets",
                        1L));
        // Time to accept is the acceptor's own wait: handed-on's 30 minutes since the hand-over to grid-b, not the 85
        // since
        // the first dispatch to grid-a (durations are by the ticket's place; time_in_state charges each holder).
        assertThat(rows(Metric.TIME_TO_ACCEPT, Dimension.GRID, Period.DAY, "2026-11-03", "2026-11-03"))
                .contains(
                        row("grid-a", "2026-11-03", "tickets", 2L, "median_seconds", 1_800.0, "p90_seconds", 10_800.0));
        // grid-a's waits for acceptance: slow-grid's and handed-on's ended in November; open's still runs, so it counts
        // in
        // now's month (December) up to now.
        assertThat(rows(Metric.TIME_IN_STATE, Dimension.GRID, Period.MONTH, "2026-11-01", "2026-12-31"))
                .filteredOn(row -> row.get("dimension_value").equals("grid-a")
                        && row.get("state").equals("DISPATCHED"))
                .extracting(
                        row -> row.get("period_start"),
                        row -> row.get("stays"),
                        row -> row.get("open_stays"),
                        row -> row.get("median_seconds"))
                .containsExactly(tuple("2026-11-01", 2L, 0L, 2_700.0), tuple("2026-12-01", 1L, 1L, (double)
                        Duration.between(LocalDateTime.parse("2026-11-04T10:05:00"), now)
                                .toSeconds()));
        assertAgreesWithReference(events, Dimension.TOWN, Period.MONTH, "2026-11-01", "2026-11-30");
        assertAgreesWithReference(events, Dimension.GRID, Period.DAY, "2026-11-01", "2026-11-06");

        // Inside November (now: the 5th at noon): the open ticket is not overdue yet, though the month's end is past
        // its
        // due time; the month is not frozen; the due tickets are those due by now (not open, due on the 8th).
        now = LocalDateTime.parse("2026-11-05T12:00:00");
        assertThat(rows(Metric.OVERDUE_BACKLOG, Dimension.GRID, Period.MONTH, "2026-11-01", "2026-11-30"))
                .containsExactly(row("grid-a", "2026-11-01", "open_tickets", 1L, "overdue_tickets", 0L));
        assertThat(rows(Metric.ASSESSMENT, Dimension.TOWN, Period.MONTH, "2026-11-01", "2026-11-30")
                        .getFirst())
                .containsEntry("frozen", false)
                .containsEntry("due_tickets", 2L);
        assertAgreesWithReference(events, Dimension.DEPARTMENT, Period.WEEK, "2026-11-01", "2026-11-30");
    }

    /**
     * Tickets routed at intake (dispatched by SYSTEM the moment they are reported) are counted apart and left out of
     * the dispatch times; a routed ticket returned and dispatched again by hand counts as routed (its first dispatch).
     */
    @Test
    void ticketsReportedCountWhereTheProblemIsInTheLocalPeriodOfTheReport() {
        List<TicketEventRow> events = handPickedCounty();
        writeLake(
                events,
                events.stream()
                        .filter(event -> event.ticketId().equals("reopened"))
                        .toList(),
                List.of());

        // The midnight ticket is October's locally (23:30 on 31 October); the redelivered copy counts once; tie-2 was
        // returned, tie-3 escalated to a department (still town-1's problem), the reopened ticket reopened; the
        // cancelled one was reported all the same.
        assertThat(rows(Metric.TICKETS_REPORTED, Dimension.TOWN, Period.MONTH, "2026-10-01", "2026-11-30"))
                .containsExactly(
                        reported("town-1", "2026-10-01", 1, 0, 0, 0),
                        reported("town-1", "2026-11-01", 4, 1, 1, 1),
                        reported("town-2", "2026-11-01", 2, 0, 0, 0));
        assertThat(rows(Metric.TICKETS_REPORTED, Dimension.GRID, Period.DAY, "2026-11-03", "2026-11-05"))
                .containsExactly(
                        reported("grid-b", "2026-11-03", 3, 1, 1, 0), reported("grid-c", "2026-11-05", 2, 0, 0, 0));
        assertThat(rows(Metric.TICKETS_REPORTED, Dimension.CATEGORY, Period.MONTH, "2026-11-01", "2026-11-30"))
                .containsExactly(
                        reported("NOISE", "2026-11-01", 3, 1, 1, 0), reported("ROAD_DAMAGE", "2026-11-01", 3, 0, 0, 1));
        // Nobody holds a ticket when it is reported: no department rows.
        assertThat(rows(Metric.TICKETS_REPORTED, Dimension.DEPARTMENT, Period.MONTH, "2026-10-01", "2026-11-30"))
                .isEmpty();
        assertAgreesWithReference(events, Dimension.COMMUNITY, Period.WEEK, "2026-10-30", "2026-11-06");
    }

    @Test
    void autoRoutedTicketsAreCountedApartFromHandDispatchedOnes() {
        List<TicketEventRow> events = handPickedCounty();
        events.addAll(TicketStory.reported("routed", NOISE_B, local("2026-11-03T13:00:00"), Duration.ofDays(1))
                .autoRouted(GRID_B_TEAM, local("2026-11-03T13:00:00"))
                .accepted(local("2026-11-03T13:30:00"))
                .events());
        events.addAll(
                TicketStory.reported("routed-then-returned", ROAD_C, local("2026-11-05T07:00:00"), Duration.ofDays(1))
                        .autoRouted(Assignee.grid("org-grid-c"), local("2026-11-05T07:00:00"))
                        .returned(local("2026-11-05T07:30:00"))
                        .dispatched(Assignee.grid("org-grid-c"), local("2026-11-05T09:00:00"))
                        .events());
        writeLake(
                events,
                events.stream()
                        .filter(event -> event.ticketId().equals("routed"))
                        .toList(),
                List.of());

        // grid-a: 40 and 10 minutes by hand; grid-b: 5, 5 and 10 minutes by hand and one routed.
        assertThat(rows(Metric.DISPATCH_MODES, Dimension.GRID, Period.MONTH, "2026-10-01", "2026-11-30"))
                .containsExactly(
                        dispatchModes("grid-a", "2026-11-01", 2L, 0L, 2L, 600.0, 2400.0),
                        dispatchModes("grid-b", "2026-11-01", 4L, 1L, 3L, 300.0, 600.0),
                        dispatchModes("grid-c", "2026-11-01", 1L, 1L, 0L, null, null));
        assertThat(rows(Metric.DISPATCH_MODES, Dimension.TOWN, Period.DAY, "2026-11-05", "2026-11-05"))
                .containsExactly(dispatchModes("town-2", "2026-11-05", 1L, 1L, 0L, null, null));
        // The time to dispatch of every ticket still counts the routed ones at 0 s.
        assertThat(rows(Metric.TIME_TO_DISPATCH, Dimension.GRID, Period.MONTH, "2026-11-01", "2026-11-30"))
                .contains(row("grid-b", "2026-11-01", "tickets", 4L, "median_seconds", 300.0, "p90_seconds", 600.0));
        assertAgreesWithReference(events, Dimension.GRID, Period.DAY, "2026-10-30", "2026-11-06");
        assertAgreesWithReference(events, Dimension.TOWN, Period.WEEK, "2026-10-30", "2026-11-06");
    }

    @Test
    void objectsWrittenBeforeDueTimesAndRatingsSitInOnePartitionWithNewOnes() {
        List<TicketEventRow> before = TicketStory.reported(
                        "before", ROAD_A, local("2026-11-10T09:00:00"), Duration.ofHours(4))
                .inTheFirstSchema()
                .dispatched(ROADS, local("2026-11-10T09:10:00"))
                .resolved(local("2026-11-10T15:00:00"))
                .evaluated(1, local("2026-11-10T16:00:00"))
                .events();
        List<TicketEventRow> after = TicketStory.reported(
                        "after", ROAD_A, local("2026-11-10T10:00:00"), Duration.ofHours(4))
                .dispatched(ROADS, local("2026-11-10T10:20:00"))
                .resolved(local("2026-11-10T15:00:00"))
                .evaluated(3, local("2026-11-10T16:00:00"))
                .events();
        List<TicketEventRow> events = new ArrayList<>(before);
        events.addAll(after);
        writeLake(after, List.of(), before);
        assertThat(before.stream()
                        .map(TicketEventRow::partitionValue)
                        .distinct()
                        .toList())
                .isEqualTo(after.stream()
                        .map(TicketEventRow::partitionValue)
                        .distinct()
                        .toList());

        assertThat(rows(Metric.TIME_TO_RESOLVE, Dimension.GRID, Period.DAY, "2026-11-10", "2026-11-10"))
                .containsExactly(row(
                        "grid-a", "2026-11-10", "tickets", 2L, "median_seconds", 18_000.0, "p90_seconds", 21_600.0));
        // Events of the first schema carry no assignee kind, so they count under no department.
        assertThat(rows(Metric.TIME_TO_RESOLVE, Dimension.DEPARTMENT, Period.DAY, "2026-11-10", "2026-11-10"))
                .containsExactly(row(
                        "dept-roads",
                        "2026-11-10",
                        "tickets",
                        1L,
                        "median_seconds",
                        18_000.0,
                        "p90_seconds",
                        18_000.0));
        assertThat(rows(Metric.ON_TIME_RATE, Dimension.GRID, Period.DAY, "2026-11-10", "2026-11-10"))
                .containsExactly(row(
                        "grid-a",
                        "2026-11-10",
                        "resolved_tickets",
                        1L,
                        "on_time_tickets",
                        0L,
                        "on_time_rate",
                        0.0,
                        "reopened_tickets",
                        0L));
        assertThat(rows(Metric.RATINGS, Dimension.GRID, Period.DAY, "2026-11-10", "2026-11-10"))
                .containsExactly(row(
                        "grid-a",
                        "2026-11-10",
                        "rated_tickets",
                        1L,
                        "mean_rating",
                        3.0,
                        "rating_1",
                        0L,
                        "rating_2",
                        0L,
                        "rating_3",
                        1L,
                        "rating_4",
                        0L,
                        "rating_5",
                        0L));
        assertAgreesWithReference(events, Dimension.TOWN, Period.DAY, "2026-11-09", "2026-11-11");
    }

    @Test
    void aGeneratedCountyAgreesWithTheJavaReferenceForEveryMetricDimensionAndPeriod() {
        Random random = new Random(20261125);
        // The lake as of noon on 1 December: December is the current period, with tickets still open and waiting.
        now = LocalDateTime.parse("2026-12-01T12:00:00");
        Instant asOf = now.atZone(MetricsReference.COUNTY).toInstant();
        rules = new AssessmentRules(
                3, 5, 2, new BigDecimal("0.1"), new BigDecimal("0.5"), new BigDecimal("0.4"), new BigDecimal("0.9"));
        List<TicketEventRow> current = new ArrayList<>();
        List<TicketEventRow> firstSchema = new ArrayList<>();
        for (int ticket = 0; ticket < 300; ticket++) {
            boolean inFirstSchema = random.nextInt(10) == 0;
            (inFirstSchema ? firstSchema : current)
                    .addAll(generatedTicket("ticket-" + ticket, random, inFirstSchema).stream()
                            .filter(event -> event.occurredAt().isBefore(asOf))
                            .toList());
        }
        List<TicketEventRow> redelivered =
                current.stream().filter(event -> random.nextInt(10) == 0).toList();
        writeLake(current, redelivered, firstSchema);
        List<TicketEventRow> events = new ArrayList<>(current);
        events.addAll(firstSchema);

        // Every dimension and every period, each metric: a diagonal rather than all 15 pairs keeps the run short.
        assertAgreesWithReference(events, Dimension.GRID, Period.DAY, "2026-10-27", "2026-12-03");
        assertAgreesWithReference(events, Dimension.COMMUNITY, Period.WEEK, "2026-10-27", "2026-12-03");
        assertAgreesWithReference(events, Dimension.TOWN, Period.MONTH, "2026-10-27", "2026-12-03");
        assertAgreesWithReference(events, Dimension.DEPARTMENT, Period.WEEK, "2026-10-27", "2026-12-03");
        assertAgreesWithReference(events, Dimension.CATEGORY, Period.DAY, "2026-10-27", "2026-12-03");
        assertThat(rows(Metric.OVERDUE_BACKLOG, Dimension.GRID, Period.MONTH, "2026-10-27", "2026-12-03"))
                .as("the generated county has a backlog to compare")
                .isNotEmpty();
        assertThat(reference(events, Dimension.TOWN, Period.MONTH, "2026-10-27", "2026-12-03")
                        .slaMisses())
                .as("the generated county has misses of each step and of each kind of organisation, and tickets one"
                        + " organisation missed twice")
                .anyMatch(row -> (long) row.get("dispatch_misses") > 0
                        && row.get("responsible_org_kind").equals("TOWN"))
                .anyMatch(row -> (long) row.get("acceptance_misses") > 0
                        && row.get("responsible_org_kind").equals("GRID"))
                .anyMatch(row -> (long) row.get("resolution_misses") > 0
                        && row.get("responsible_org_kind").equals("DEPARTMENT"))
                .anyMatch(row -> row.get("responsible_org_kind").equals("COMMUNITY"))
                .anyMatch(row -> (long) row.get("misses") > (long) row.get("missed_tickets"));
        List<Map<String, Object>> assessed =
                new ArrayList<>(reference(events, Dimension.TOWN, Period.MONTH, "2026-10-27", "2026-12-03")
                        .assessment());
        assessed.addAll(reference(events, Dimension.DEPARTMENT, Period.MONTH, "2026-10-27", "2026-12-03")
                .assessment());
        assertThat(assessed)
                .as(
                        "the generated county has ranked towns and departments and some under the minimum, listed ones, and a"
                                + " current month")
                .anyMatch(row -> (boolean) row.get("ranked"))
                .anyMatch(row -> !(boolean) row.get("ranked") && row.get("score") != null)
                .anyMatch(row -> "red".equals(row.get("listed")))
                .anyMatch(row -> "black".equals(row.get("listed")))
                .anyMatch(row -> !(boolean) row.get("frozen"));
        assertThat(reference(events, Dimension.DEPARTMENT, Period.MONTH, "2026-10-27", "2026-12-03")
                        .ticketRates())
                .as("the generated county has escalations away from departments and reopened resolutions")
                .anyMatch(row -> (long) row.get("escalated_tickets") > 0)
                .anyMatch(row -> (long) row.get("reopened_tickets") > 0);
    }

    @Test
    void anEmptyLakeAnswersNoRowsForEveryMetric() {
        server.createBucket(bucket);

        for (Metric metric : Metric.values()) {
            assertThat(rows(metric, Dimension.GRID, Period.DAY, "2026-11-01", "2026-11-30"))
                    .as(metric.name())
                    .isEmpty();
        }
    }

    /**
     * A ticket somewhere in the county in the five weeks around 1 November, local time: whole-minute steps half of
     * the time (ties), the other half with milliseconds; some returned, escalated, reopened, cancelled or left open,
     * some flagged overdue in the town dispatcher's queue, some escalated by the SLA sweeper for a missed acceptance
     * (also after a reopening) or resolution, some of them twice on one ticket. Assignees are grid teams, communities and
     * departments of which some have ids without the dept- prefix; escalations go to a department or to the town.
     */
    private static List<TicketEventRow> generatedTicket(String ticketId, Random random, boolean inFirstSchema) {
        Place[] places = {
            ROAD_A,
            NOISE_B,
            ROAD_C,
            new Place("grid-d", "community-2", "town-2", "NOISE"),
            new Place("grid-e", "community-3", "town-2", "WASTE")
        };
        Assignee[] assignees = {
            ROADS,
            Assignee.department("bureau-water"),
            Assignee.grid("org-grid-team"),
            Assignee.community("org-community-1")
        };
        Assignee[] escalationTargets = {HOUSING, Assignee.department("dept-ecology"), Assignee.town("org-town-1")};
        Instant reportedAt = local("2026-10-25T00:00:00").plus(Duration.ofMinutes(random.nextInt(60 * 24 * 40)));
        TicketStory story = TicketStory.reported(
                ticketId, places[random.nextInt(places.length)], reportedAt, Duration.ofHours(1 + random.nextInt(72)));
        if (inFirstSchema) {
            story.inTheFirstSchema();
        }
        if (random.nextInt(10) == 0) {
            return story.cancelled(later(story, random)).events();
        }
        if (random.nextInt(10) == 0) {
            return random.nextBoolean()
                    ? story.flaggedOverdue(later(story, random)).events()
                    : story.events();
        }
        Assignee firstAssignee = assignees[random.nextInt(assignees.length)];
        Instant firstDispatch = later(story, random);
        if (ticketId.hashCode() % 3 == 0) {
            story.autoRouted(firstAssignee, story.lastEventAt());
        } else {
            story.dispatched(firstAssignee, firstDispatch);
        }
        if (random.nextInt(6) == 0) {
            story.returned(later(story, random));
            if (random.nextBoolean()) {
                story.flaggedOverdue(later(story, random));
            }
            story.dispatched(assignees[random.nextInt(assignees.length)], later(story, random));
        }
        if (random.nextInt(5) == 0) {
            // Not accepted in time: the sweeper moves it up; at the town it may be late again before it is passed on.
            Assignee above = escalationTargets[random.nextInt(escalationTargets.length)];
            story.escalatedOverdue(above, later(story, random));
            if (above.kind().equals("TOWN") && random.nextBoolean()) {
                story.flaggedOverdue(later(story, random))
                        .dispatched(assignees[random.nextInt(assignees.length)], later(story, random));
            }
        }
        if (random.nextInt(8) == 0) {
            return story.events();
        }
        story.accepted(later(story, random));
        if (random.nextInt(6) == 0) {
            // Escalated by hand, or by the sweeper for a missed resolution.
            Assignee target = escalationTargets[random.nextInt(escalationTargets.length)];
            Instant at = later(story, random);
            if (random.nextBoolean()) {
                story.escalated(target, at);
            } else {
                story.escalatedOverdue(target, at);
            }
        }
        if (random.nextInt(5) == 0) {
            return story.supervised(later(story, random)).events();
        }
        story.resolved(later(story, random));
        if (random.nextInt(4) > 0) {
            story.evaluated(1 + random.nextInt(5), later(story, random));
        }
        if (random.nextInt(5) == 0) {
            story.reopened(later(story, random), Duration.ofHours(1 + random.nextInt(48)));
            if (random.nextInt(3) == 0) {
                story.escalatedOverdue(
                        escalationTargets[random.nextInt(escalationTargets.length)], later(story, random));
            }
            if (random.nextBoolean()) {
                story.resolved(later(story, random)).evaluated(1 + random.nextInt(5), later(story, random));
            }
        }
        return story.events();
    }

    private static Instant later(TicketStory story, Random random) {
        Duration step = random.nextBoolean()
                ? Duration.ofMinutes(1 + random.nextInt(12 * 60))
                : Duration.ofMillis(1 + random.nextInt(30 * 3_600_000));
        return story.lastEventAt().plus(step);
    }

    private void assertAgreesWithReference(
            List<TicketEventRow> events, Dimension dimension, Period period, String firstDay, String lastDay) {
        MetricsReference reference = reference(events, dimension, period, firstDay, lastDay);
        for (Metric metric : Metric.values()) {
            List<Map<String, Object>> expected = switch (metric) {
                case TIME_TO_DISPATCH, TIME_TO_ACCEPT, TIME_TO_RESOLVE -> reference.durations(metric.parameterName());
                case ON_TIME_RATE -> reference.onTimeRate();
                case OVERDUE_BACKLOG -> reference.overdueBacklog();
                case TICKET_RATES -> reference.ticketRates();
                case RATINGS -> reference.ratings();
                case SLA_MISSES -> reference.slaMisses();
                case TIME_IN_STATE -> reference.timeInState();
                case ASSESSMENT -> reference.assessment();
                case DISPATCH_MODES -> reference.dispatchModes();
                case TICKETS_REPORTED -> reference.ticketsReported();
                // A lake of tickets only; PartyMetricFilesTest holds the party files to PartyMetricsReference.
                case PARTY_SERVICE, PARTY_MEMBERS -> List.of();
                // A ticket lake holds no fund events; FundFlowsTest holds the file to its own reference.
                case FUND_FLOWS -> List.of();
                // No resource events in a lake of tickets: ResourceMetricFilesTest checks these against their
                // reference.
                case RESOURCE_FLOWS, TIME_TO_CLAIM, TIME_TO_COMPLETE, DEMANDS_MET, PROJECT_RATINGS -> List.of();
            };
            assertThat(rounded(rows(metric, dimension, period, firstDay, lastDay)))
                    .as(metric + " by " + dimension + " per " + period)
                    .containsExactlyElementsOf(rounded(expected));
        }
    }

    private MetricsReference reference(
            List<TicketEventRow> events, Dimension dimension, Period period, String firstDay, String lastDay) {
        return new MetricsReference(
                events,
                dimension.parameterName(),
                period.parameterName(),
                LocalDate.parse(firstDay),
                LocalDate.parse(lastDay),
                now,
                rules);
    }

    /**
     * Doubles to twelve significant digits: the intervals' square roots and the scores' weighted sums are the same
     * arithmetic in Java and SQL, but an engine may order a sum's terms differently in the last bit.
     */
    private static List<Map<String, Object>> rounded(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(row -> {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    row.forEach((column, value) -> copy.put(
                            column,
                            value instanceof Double number
                                    ? new java.math.BigDecimal(number)
                                            .round(new java.math.MathContext(12))
                                            .doubleValue()
                                    : value));
                    return copy;
                })
                .toList();
    }

    private List<Map<String, Object>> rows(
            Metric metric, Dimension dimension, Period period, String firstDay, String lastDay) {
        MetricQuery query = new MetricQuery(
                metric, dimension, period, LocalDate.parse(firstDay), LocalDate.parse(lastDay), now, rules);
        return query.run(new DuckDbQueryRunner(new LakeMirror(server.client(), bucket, temporary.resolve("cache"))))
                .rows();
    }

    private static Map<String, Object> dispatchModes(
            String dimensionValue,
            String periodStart,
            long dispatched,
            long autoRouted,
            long byHand,
            Double handMedianSeconds,
            Double handP90Seconds) {
        return row(
                dimensionValue,
                periodStart,
                "dispatched_tickets",
                dispatched,
                "auto_routed_tickets",
                autoRouted,
                "hand_dispatched_tickets",
                byHand,
                "hand_median_seconds",
                handMedianSeconds,
                "hand_p90_seconds",
                handP90Seconds);
    }

    private static Map<String, Object> reported(
            String dimensionValue, String periodStart, long reported, long returned, long escalated, long reopened) {
        return row(
                dimensionValue,
                periodStart,
                "reported_tickets",
                reported,
                "returned_tickets",
                returned,
                "escalated_tickets",
                escalated,
                "reopened_tickets",
                reopened);
    }

    private static Map<String, Object> miss(
            String dimensionValue,
            String periodStart,
            String responsibleOrgId,
            String responsibleOrgKind,
            long misses,
            long dispatch,
            long acceptance,
            long resolution,
            long tickets) {
        return row(
                dimensionValue,
                periodStart,
                "responsible_org_id",
                responsibleOrgId,
                "responsible_org_kind",
                responsibleOrgKind,
                "misses",
                misses,
                "dispatch_misses",
                dispatch,
                "acceptance_misses",
                acceptance,
                "resolution_misses",
                resolution,
                "missed_tickets",
                tickets);
    }

    private static Map<String, Object> row(String dimensionValue, String periodStart, Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dimension_value", dimensionValue);
        row.put("period_start", periodStart);
        for (int index = 0; index < columnsAndValues.length; index += 2) {
            row.put((String) columnsAndValues[index], columnsAndValues[index + 1]);
        }
        return row;
    }

    /**
     * Each partition's events as one object, the redelivered copies as a second object (a retried batch), and the
     * first-schema events as objects of the lake's first columns only, in the same partitions.
     */
    private void writeLake(
            List<TicketEventRow> events, List<TicketEventRow> redelivered, List<TicketEventRow> firstSchema) {
        S3Client s3 = server.createBucket(bucket);
        put(s3, "batch", events, LakeSchema.TICKET_EVENTS.columns());
        put(s3, "redelivered", redelivered, LakeSchema.TICKET_EVENTS.columns());
        put(s3, "first-schema", firstSchema, FIRST_SCHEMA);
    }

    private void put(S3Client s3, String batch, List<TicketEventRow> events, List<LakeColumn> columns) {
        Map<String, List<TicketEventRow>> byPartition = events.stream()
                .collect(Collectors.groupingBy(TicketEventRow::partitionValue, TreeMap::new, Collectors.toList()));
        byPartition.forEach((partition, rows) -> ParquetFiles.put(
                s3,
                bucket,
                LakeSchema.objectKey(
                        LakeSchema.TICKET_EVENTS, partition, "shardId-" + batch, "1", String.valueOf(rows.size())),
                rows,
                columns,
                temporary));
    }
}
