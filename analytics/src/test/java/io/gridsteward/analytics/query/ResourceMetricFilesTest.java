package io.gridsteward.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.ResourceEventRow;
import io.gridsteward.analytics.metrics.AssessmentRules;
import io.gridsteward.analytics.metrics.Dimension;
import io.gridsteward.analytics.metrics.Metric;
import io.gridsteward.analytics.metrics.MetricQuery;
import io.gridsteward.analytics.metrics.Period;
import io.gridsteward.analytics.testing.LakeRows;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
 * The resource metric files on DuckDB over real Parquet objects in a real S3 server, held to hand-computed values
 * and to {@link ResourceMetricsReference} on a generated year-end county, for every dimension and period.
 */
class ResourceMetricFilesTest {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3ProxyServer server;

    @TempDir
    Path temporary;

    private final String bucket = "resource-metrics-" + BUCKETS.incrementAndGet();

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(MetricsReference.COUNTY).toInstant();
    }

    /** An offer or a demand and the steps on it and its claims, as the lake writer would have written them. */
    private static final class Story {

        private final List<ResourceEventRow> events = new ArrayList<>();
        private final String itemType;
        private final String itemId;
        private final String town;
        private final String community;
        private final String grid;
        private final String provider;
        private final String providerKind;
        private final int smallWish;
        private final long quantity;
        private final long unitValue;
        private Instant publishedAt;
        private int sequence;

        private Story(
                String itemType,
                String itemId,
                String town,
                String community,
                String grid,
                String provider,
                String providerKind,
                int smallWish,
                long quantity,
                long unitValue) {
            this.itemType = itemType;
            this.itemId = itemId;
            this.town = town;
            this.community = community;
            this.grid = grid;
            this.provider = provider;
            this.providerKind = providerKind;
            this.smallWish = smallWish;
            this.quantity = quantity;
            this.unitValue = unitValue;
        }

        static Story offer(
                String id,
                String provider,
                String providerKind,
                String town,
                long quantity,
                long unitValue,
                Instant at) {
            Story story = new Story(
                    "OFFER",
                    id,
                    town,
                    providerKind.equals("COMMUNITY") ? provider : null,
                    null,
                    provider,
                    providerKind,
                    0,
                    quantity,
                    unitValue);
            story.publishedAt = at;
            story.add("OFFER", id, "OFFER_PUBLISHED", at, null, null, null, 0, null, null, 0, null, null);
            return story;
        }

        static Story demand(
                String id,
                String town,
                String community,
                String grid,
                boolean smallWish,
                long quantity,
                long unitValue,
                Instant at) {
            Story story =
                    new Story("DEMAND", id, town, community, grid, null, null, smallWish ? 1 : 0, quantity, unitValue);
            if (smallWish) {
                story.add(
                        "DEMAND",
                        id,
                        "DEMAND_SUBMITTED",
                        at.minus(Duration.ofHours(5)),
                        null,
                        null,
                        null,
                        0,
                        null,
                        null,
                        0,
                        null,
                        null);
            }
            story.publishedAt = at;
            story.add("DEMAND", id, "DEMAND_PUBLISHED", at, null, null, null, 0, null, null, 0, null, null);
            return story;
        }

        /** A claim: by the community served for an offer; by a unit, a party group's grid or members (no organisation) for a demand. */
        Claim claim(
                String claimId,
                String claimantKind,
                String claimantOrg,
                int members,
                String claimCommunity,
                String claimGrid,
                long claimQuantity,
                Instant at) {
            Claim claim = new Claim(
                    this, claimId, claimantKind, claimantOrg, members, claimCommunity, claimGrid, claimQuantity, at);
            claim.step("CLAIMED", at, null);
            return claim;
        }

        private void add(
                String subject,
                String subjectId,
                String type,
                Instant at,
                String claimId,
                String claimantKind,
                String claimantOrg,
                int members,
                String claimCommunity,
                String claimGrid,
                long claimQuantity,
                Instant claimedAt,
                Integer rating) {
            events.add(new ResourceEventRow(
                    subject + "-" + subjectId + "-" + (++sequence),
                    subject,
                    subjectId,
                    sequence,
                    type,
                    at,
                    "COMMUNITY_SECRETARY",
                    community,
                    itemType,
                    itemId,
                    "SERVICES",
                    town,
                    community,
                    grid,
                    provider,
                    providerKind,
                    smallWish,
                    quantity,
                    quantity * unitValue,
                    type.equals("DEMAND_SUBMITTED") ? null : publishedAt,
                    claimId,
                    claimantKind,
                    claimantOrg,
                    claimId == null ? null : members,
                    claimCommunity,
                    claimGrid,
                    claimId == null ? null : claimQuantity,
                    claimId == null ? null : claimQuantity * unitValue,
                    claimedAt,
                    rating,
                    null,
                    null,
                    null));
        }
    }

    private record Claim(
            Story story,
            String id,
            String claimantKind,
            String claimantOrg,
            int members,
            String community,
            String grid,
            long quantity,
            Instant claimedAt) {

        Claim step(String type, Instant at, Integer rating) {
            story.add(
                    type.startsWith("CLAIM") ? "CLAIM" : "PROJECT",
                    id,
                    type,
                    at,
                    id,
                    claimantKind,
                    claimantOrg,
                    members,
                    community,
                    grid,
                    quantity,
                    claimedAt,
                    rating);
            return this;
        }

        Claim declined(Instant at) {
            return step("CLAIM_DECLINED", at, null);
        }

        Claim completed(Instant at) {
            step("CLAIM_ACCEPTED", claimedAt.plusSeconds(60), null);
            step("PROJECT_STARTED", claimedAt.plusSeconds(60), null);
            return step("PROJECT_COMPLETED", at, null);
        }

        Claim rated(int rating, Instant at) {
            return step("PROJECT_RATED", at, rating);
        }
    }

    /**
     * The hand-picked county, in November (local time): the school offers 10 chairs (¥50 each) to town-1 at 00:30 on 1
     * November (16:30 UTC on 31 October: the October partition, but November locally); River claims 4 the next morning and completes it, Lake claims 2 and is
     * declined; River's small wish (one lamp, ¥80) is verified on 2 November, claimed by three members an hour later,
     * completed two days later and rated 4 and 2; River's demand for 5 volunteers (¥100 each) is claimed 3 by the
     * school and 2 by a party group, only the school's completed: not met. The offer's events are also delivered twice.
     */
    private List<ResourceEventRow> handPickedCounty() {
        Story chairs = Story.offer("chairs", "unit-school", "UNIT", "town-1", 10, 5_000, local("2026-11-01T00:30:00"));
        chairs.claim(
                        "claim-river",
                        "COMMUNITY",
                        "community-river",
                        0,
                        "community-river",
                        null,
                        4,
                        local("2026-11-01T09:30:00"))
                .completed(local("2026-11-03T09:30:00"));
        chairs.claim(
                        "claim-lake",
                        "COMMUNITY",
                        "community-lake",
                        0,
                        "community-lake",
                        null,
                        2,
                        local("2026-11-01T10:00:00"))
                .declined(local("2026-11-01T12:00:00"));
        Story wish = Story.demand(
                "wish", "town-1", "community-river", "grid-river-1", true, 1, 8_000, local("2026-11-02T08:00:00"));
        wish.claim("claim-wish", "MEMBERS", null, 3, "community-river", "grid-river-1", 1, local("2026-11-02T09:00:00"))
                .completed(local("2026-11-04T09:00:00"))
                .rated(4, local("2026-11-04T10:00:00"))
                .rated(2, local("2026-11-05T10:00:00"));
        Story volunteers = Story.demand(
                "volunteers", "town-1", "community-river", null, false, 5, 10_000, local("2026-11-02T10:00:00"));
        volunteers
                .claim(
                        "claim-school",
                        "UNIT",
                        "unit-school",
                        0,
                        "community-river",
                        null,
                        3,
                        local("2026-11-02T12:00:00"))
                .completed(local("2026-11-06T12:00:00"));
        volunteers.claim(
                "claim-group",
                "PARTY_GROUP",
                "grid-river-1",
                0,
                "community-river",
                null,
                2,
                local("2026-11-02T13:00:00"));
        List<ResourceEventRow> events = new ArrayList<>();
        events.addAll(chairs.events);
        events.addAll(chairs.events);
        events.addAll(wish.events);
        events.addAll(volunteers.events);
        return events;
    }

    @Test
    void theHandPickedCountyGivesTheHandComputedFigures() {
        lake(handPickedCounty());

        assertThat(rows(Metric.RESOURCE_FLOWS, Dimension.TOWN, Period.MONTH))
                .containsExactly(
                        Map.of(
                                "dimension_value",
                                "town-1",
                                "period_start",
                                "2026-11-01",
                                "item_type",
                                "DEMAND",
                                "published",
                                2L,
                                "published_value_fen",
                                58_000L,
                                "claimed",
                                3L,
                                "claimed_value_fen",
                                58_000L,
                                "fulfilled",
                                2L,
                                "fulfilled_value_fen",
                                38_000L),
                        Map.of(
                                "dimension_value",
                                "town-1",
                                "period_start",
                                "2026-11-01",
                                "item_type",
                                "OFFER",
                                "published",
                                1L,
                                "published_value_fen",
                                50_000L,
                                "claimed",
                                1L,
                                "claimed_value_fen",
                                20_000L,
                                "fulfilled",
                                1L,
                                "fulfilled_value_fen",
                                20_000L));
        assertThat(rows(Metric.RESOURCE_FLOWS, Dimension.PROVIDER, Period.MONTH))
                .extracting(row -> row.get("dimension_value") + "/" + row.get("item_type") + "/" + row.get("claimed"))
                .containsExactly("grid-river-1/DEMAND/1", "unit-school/DEMAND/1", "unit-school/OFFER/1");
        assertThat(rows(Metric.TIME_TO_CLAIM, Dimension.COMMUNITY, Period.MONTH))
                .containsExactly(Map.of(
                        "dimension_value",
                        "community-river",
                        "period_start",
                        "2026-11-01",
                        "claims",
                        4L,
                        "median_seconds",
                        3_600.0 * 2,
                        "p90_seconds",
                        3_600.0 * 9));
        assertThat(rows(Metric.TIME_TO_COMPLETE, Dimension.TOWN, Period.MONTH))
                .containsExactly(Map.of(
                        "dimension_value",
                        "town-1",
                        "period_start",
                        "2026-11-01",
                        "claims",
                        3L,
                        "median_seconds",
                        2 * 86_400.0,
                        "p90_seconds",
                        4 * 86_400.0));
        assertThat(rows(Metric.DEMANDS_MET, Dimension.COMMUNITY, Period.MONTH))
                .containsExactly(Map.of(
                        "dimension_value",
                        "community-river",
                        "period_start",
                        "2026-11-01",
                        "demands",
                        2L,
                        "small_wishes",
                        1L,
                        "met",
                        1L,
                        "share_met",
                        0.5));
        assertThat(rows(Metric.PROJECT_RATINGS, Dimension.GRID, Period.DAY))
                .extracting(row -> row.get("period_start") + ":" + row.get("mean_rating"))
                .containsExactly("2026-11-04:4.0", "2026-11-05:2.0");
        assertThat(Metric.DEMANDS_MET.dimensions()).doesNotContain(Dimension.PROVIDER);
        assertAgreesWithReference(handPickedCounty(), "2026-10-01", "2026-11-30");
    }

    @Test
    void aGeneratedCountyAgreesWithTheReferenceForEveryDimensionAndPeriod() {
        List<ResourceEventRow> events = generatedCounty(new Random(14));
        lake(events);

        assertAgreesWithReference(events, "2026-10-26", "2026-11-30");
        assertAgreesWithReference(events, "2026-11-05", "2026-11-05");
    }

    /**
     * Six weeks around November in two towns: offers by units, departments and communities, demands of communities
     * and grids (a third of them small wishes), claims of every kind — some declined, some completed after whole
     * minutes (ties) or odd milliseconds, some completed projects rated by one to three residents.
     */
    private static List<ResourceEventRow> generatedCounty(Random random) {
        List<String> towns = List.of("town-1", "town-2");
        List<ResourceEventRow> events = new ArrayList<>();
        for (int index = 0; index < 160; index++) {
            String town = towns.get(random.nextInt(2));
            String community = "community-" + town.substring(5) + "-" + random.nextInt(3);
            String grid = community.replace("community", "grid") + "-" + random.nextInt(2);
            Instant published = local("2026-10-20T00:00:00").plus(Duration.ofMinutes(random.nextInt(45 * 24 * 60)));
            long quantity = 1 + random.nextInt(6);
            long unitValue = random.nextInt(4) * 2_500L;
            Story story;
            boolean offer = random.nextBoolean();
            if (offer) {
                int providerKind = random.nextInt(3);
                story = switch (providerKind) {
                    case 0 ->
                        Story.offer(
                                "offer-" + index,
                                "unit-" + random.nextInt(4),
                                "UNIT",
                                town,
                                quantity,
                                unitValue,
                                published);
                    case 1 ->
                        Story.offer(
                                "offer-" + index,
                                "dept-" + random.nextInt(3),
                                "DEPARTMENT",
                                town,
                                quantity,
                                unitValue,
                                published);
                    default ->
                        Story.offer("offer-" + index, community, "COMMUNITY", town, quantity, unitValue, published);
                };
            } else {
                boolean wish = random.nextInt(3) == 0;
                story = Story.demand(
                        "demand-" + index,
                        town,
                        community,
                        wish || random.nextBoolean() ? grid : null,
                        wish,
                        quantity,
                        unitValue,
                        published);
            }
            long left = quantity;
            int claims = random.nextInt(4);
            Instant at = published;
            for (int claimIndex = 0; claimIndex < claims && left > 0; claimIndex++) {
                at = at.plus(
                        random.nextBoolean()
                                ? Duration.ofMinutes(1 + random.nextInt(3_000))
                                : Duration.ofMillis(1 + random.nextInt(200_000_000)));
                long take = 1 + random.nextInt((int) left);
                left -= take;
                String servedCommunity = offer ? "community-" + town.substring(5) + "-" + random.nextInt(3) : community;
                String servedGrid = offer ? null : story.grid;
                Claim claim = switch (offer ? 0 : 1 + random.nextInt(3)) {
                    case 0 ->
                        story.claim(
                                "claim-" + index + "-" + claimIndex,
                                "COMMUNITY",
                                servedCommunity,
                                0,
                                servedCommunity,
                                servedGrid,
                                take,
                                at);
                    case 1 ->
                        story.claim(
                                "claim-" + index + "-" + claimIndex,
                                "UNIT",
                                "unit-" + random.nextInt(4),
                                0,
                                servedCommunity,
                                servedGrid,
                                take,
                                at);
                    case 2 ->
                        story.claim(
                                "claim-" + index + "-" + claimIndex,
                                "PARTY_GROUP",
                                grid,
                                0,
                                servedCommunity,
                                servedGrid,
                                take,
                                at);
                    default ->
                        story.claim(
                                "claim-" + index + "-" + claimIndex,
                                "MEMBERS",
                                null,
                                1 + random.nextInt(3),
                                servedCommunity,
                                servedGrid,
                                take,
                                at);
                };
                int fate = random.nextInt(4);
                if (fate == 0) {
                    claim.declined(at.plus(Duration.ofHours(2)));
                    left += take;
                } else if (fate >= 2) {
                    Instant completed = at.plus(
                            random.nextBoolean()
                                    ? Duration.ofMinutes(30 + random.nextInt(9_000))
                                    : Duration.ofMillis(1 + random.nextInt(500_000_000)));
                    claim.completed(completed);
                    for (int rating = 0; rating < random.nextInt(4); rating++) {
                        claim.rated(1 + random.nextInt(5), completed.plus(Duration.ofHours(1 + rating)));
                    }
                }
            }
            events.addAll(story.events);
        }
        return events;
    }

    private void assertAgreesWithReference(List<ResourceEventRow> events, String firstDay, String lastDay) {
        for (Dimension dimension : List.of(Dimension.COMMUNITY, Dimension.GRID, Dimension.TOWN, Dimension.PROVIDER)) {
            for (Period period : Period.values()) {
                ResourceMetricsReference reference = new ResourceMetricsReference(
                        events,
                        dimension.parameterName(),
                        period.parameterName(),
                        LocalDate.parse(firstDay),
                        LocalDate.parse(lastDay));
                for (Metric metric : List.of(
                        Metric.RESOURCE_FLOWS,
                        Metric.TIME_TO_CLAIM,
                        Metric.TIME_TO_COMPLETE,
                        Metric.DEMANDS_MET,
                        Metric.PROJECT_RATINGS)) {
                    if (!metric.dimensions().contains(dimension)) {
                        continue;
                    }
                    List<Map<String, Object>> expected = switch (metric) {
                        case RESOURCE_FLOWS -> reference.flows();
                        case TIME_TO_CLAIM, TIME_TO_COMPLETE -> reference.durations(metric.parameterName());
                        case DEMANDS_MET -> reference.demandsMet();
                        case PROJECT_RATINGS -> reference.projectRatings();
                        default -> throw new IllegalStateException(metric + " is no resource metric");
                    };
                    assertThat(rows(metric, dimension, period, firstDay, lastDay))
                            .as(metric + " by " + dimension + " per " + period)
                            .containsExactlyElementsOf(expected);
                }
            }
        }
    }

    private List<Map<String, Object>> rows(Metric metric, Dimension dimension, Period period) {
        return rows(metric, dimension, period, "2026-10-01", "2026-11-30");
    }

    private List<Map<String, Object>> rows(
            Metric metric, Dimension dimension, Period period, String firstDay, String lastDay) {
        // The resource files take no moment or rules after their grouping; the query carries them for the files that
        // do.
        MetricQuery query = new MetricQuery(
                metric,
                dimension,
                period,
                LocalDate.parse(firstDay),
                LocalDate.parse(lastDay),
                LocalDateTime.parse("2026-12-20T12:00:00"),
                AssessmentRules.bundled());
        return query.run(new DuckDbQueryRunner(new LakeMirror(server.client(), bucket, temporary.resolve("cache"))))
                .rows();
    }

    /** Each UTC partition's rows as one object, the way the lake writer keys them. */
    private void lake(List<ResourceEventRow> events) {
        S3Client s3 = server.createBucket(bucket);
        Map<String, List<ResourceEventRow>> byPartition = events.stream()
                .collect(Collectors.groupingBy(ResourceEventRow::partitionValue, TreeMap::new, Collectors.toList()));
        AtomicInteger batches = new AtomicInteger();
        byPartition.forEach((partition, rows) -> LakeRows.put(
                s3,
                bucket,
                LakeSchema.objectKey(
                        LakeSchema.RESOURCE_EVENTS,
                        partition,
                        "shardId-" + batches.incrementAndGet(),
                        "1",
                        String.valueOf(rows.size())),
                rows,
                temporary));
    }
}
