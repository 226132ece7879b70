package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.ResourceEventRow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The resource metric files' definitions (analytics/README.md, "Resource metrics") computed in plain Java from the
 * same events, to hold the SQL to. Rows come out as the files' rows do: column → value, in the files' order.
 */
final class ResourceMetricsReference {

    private final List<ResourceEventRow> events;
    private final Set<String> declined = new HashSet<>();
    private final String dimension;
    private final String period;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    ResourceMetricsReference(
            List<ResourceEventRow> events, String dimension, String period, LocalDate firstDay, LocalDate lastDay) {
        Map<String, ResourceEventRow> distinct = new LinkedHashMap<>();
        events.forEach(event -> distinct.putIfAbsent(event.eventId(), event));
        this.events = List.copyOf(distinct.values());
        this.events.stream()
                .filter(event -> event.eventType().equals("CLAIM_DECLINED"))
                .forEach(event -> declined.add(event.claimId()));
        this.dimension = dimension;
        this.period = period;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    List<Map<String, Object>> flows() {
        record Key(String periodStart, String dimensionValue, String itemType) {}
        Map<Key, long[]> totals = new TreeMap<>(Comparator.comparing(Key::periodStart)
                .thenComparing(Key::dimensionValue)
                .thenComparing(Key::itemType));
        for (ResourceEventRow event : events) {
            int flow = switch (event.eventType()) {
                case "OFFER_PUBLISHED", "DEMAND_PUBLISHED" -> 0;
                case "CLAIMED" -> declined.contains(event.claimId()) ? -1 : 1;
                case "PROJECT_COMPLETED" -> 2;
                default -> -1;
            };
            if (flow < 0) {
                continue;
            }
            String value = switch (dimension) {
                case "community" -> event.claimId() == null ? event.communityId() : event.claimCommunityId();
                case "grid" -> event.claimId() == null ? event.gridId() : event.claimGridId();
                default -> claimDimension(event);
            };
            Optional<String> periodStart = periodStart(event);
            if (value == null || periodStart.isEmpty()) {
                continue;
            }
            long[] sums =
                    totals.computeIfAbsent(new Key(periodStart.get(), value, event.itemType()), key -> new long[6]);
            sums[flow * 2]++;
            sums[flow * 2 + 1] += flow == 0 ? event.itemValueFen() : event.claimValueFen();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        totals.forEach((key, sums) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dimension_value", key.dimensionValue());
            row.put("period_start", key.periodStart());
            row.put("item_type", key.itemType());
            row.put("published", sums[0]);
            row.put("published_value_fen", sums[1]);
            row.put("claimed", sums[2]);
            row.put("claimed_value_fen", sums[3]);
            row.put("fulfilled", sums[4]);
            row.put("fulfilled_value_fen", sums[5]);
            rows.add(row);
        });
        return rows;
    }

    List<Map<String, Object>> durations(String measure) {
        boolean toClaim = measure.equals("time_to_claim");
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<List<String>, List<Long>> milliseconds = new TreeMap<>(KEY_ORDER);
        for (ResourceEventRow event : matching(event -> toClaim
                ? event.eventType().equals("CLAIMED")
                        && !declined.contains(event.claimId())
                        && event.publishedAt() != null
                : event.eventType().equals("PROJECT_COMPLETED") && event.claimedAt() != null)) {
            key(event, claimDimension(event))
                    .ifPresent(key -> milliseconds
                            .computeIfAbsent(key, absent -> new ArrayList<>())
                            .add(Duration.between(toClaim ? event.publishedAt() : event.claimedAt(), event.occurredAt())
                                    .toMillis()));
        }
        milliseconds.forEach((key, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dimension_value", key.get(1));
            row.put("period_start", key.get(0));
            row.put("claims", (long) sorted.size());
            row.put("median_seconds", nearestRank(sorted, 50) / 1000.0);
            row.put("p90_seconds", nearestRank(sorted, 90) / 1000.0);
            rows.add(row);
        });
        return rows;
    }

    List<Map<String, Object>> demandsMet() {
        Map<String, Long> fulfilled = new HashMap<>();
        events.stream()
                .filter(event -> event.eventType().equals("PROJECT_COMPLETED")
                        && event.itemType().equals("DEMAND"))
                .forEach(event -> fulfilled.merge(event.itemId(), event.claimQuantity(), Long::sum));
        Map<List<String>, long[]> totals = new TreeMap<>(KEY_ORDER);
        for (ResourceEventRow event : matching(event -> event.eventType().equals("DEMAND_PUBLISHED"))) {
            String value = switch (dimension) {
                case "community" -> event.communityId();
                case "grid" -> event.gridId();
                case "town" -> event.townId();
                default -> null;
            };
            key(event, value).ifPresent(key -> {
                long[] sums = totals.computeIfAbsent(key, absent -> new long[3]);
                sums[0]++;
                sums[1] += event.smallWish();
                sums[2] += fulfilled.getOrDefault(event.itemId(), 0L) >= event.itemQuantity() ? 1 : 0;
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        totals.forEach((key, sums) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dimension_value", key.get(1));
            row.put("period_start", key.get(0));
            row.put("demands", sums[0]);
            row.put("small_wishes", sums[1]);
            row.put("met", sums[2]);
            row.put("share_met", (double) sums[2] / sums[0]);
            rows.add(row);
        });
        return rows;
    }

    List<Map<String, Object>> projectRatings() {
        Map<List<String>, long[]> totals = new TreeMap<>(KEY_ORDER);
        for (ResourceEventRow event :
                matching(event -> event.eventType().equals("PROJECT_RATED") && event.rating() != null)) {
            key(event, claimDimension(event)).ifPresent(key -> {
                long[] counts = totals.computeIfAbsent(key, absent -> new long[7]);
                counts[0]++;
                counts[1] += event.rating();
                counts[1 + event.rating()]++;
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        totals.forEach((key, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dimension_value", key.get(1));
            row.put("period_start", key.get(0));
            row.put("ratings", counts[0]);
            row.put("mean_rating", (double) counts[1] / counts[0]);
            for (int rating = 1; rating <= 5; rating++) {
                row.put("rating_" + rating, counts[1 + rating]);
            }
            rows.add(row);
        });
        return rows;
    }

    /** Period start first, then dimension value: the files' order. */
    private static final Comparator<List<String>> KEY_ORDER =
            Comparator.<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1));

    /** A claim's (or its project's) value of the dimension: the served community and grid, the pool's town, who gives. */
    private String claimDimension(ResourceEventRow event) {
        return switch (dimension) {
            case "community" -> event.claimCommunityId();
            case "grid" -> event.claimGridId();
            case "town" -> event.townId();
            case "provider" -> event.itemType().equals("OFFER") ? event.providerOrgId() : event.claimantOrgId();
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    private List<ResourceEventRow> matching(Predicate<ResourceEventRow> predicate) {
        return events.stream().filter(predicate).toList();
    }

    private Optional<List<String>> key(ResourceEventRow event, String dimensionValue) {
        return periodStart(event).filter(start -> dimensionValue != null).map(start -> List.of(start, dimensionValue));
    }

    /** The event's period in county time, when its local day lies in the range. */
    private Optional<String> periodStart(ResourceEventRow event) {
        LocalDateTime local = LocalDateTime.ofInstant(event.occurredAt(), MetricsReference.COUNTY);
        LocalDate day = local.toLocalDate();
        if (day.isBefore(firstDay) || day.isAfter(lastDay)) {
            return Optional.empty();
        }
        LocalDate start = switch (period) {
            case "day" -> day;
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> throw new IllegalArgumentException(period);
        };
        return Optional.of(start.toString());
    }

    /** The value at position ceil(p × n) of the sorted values (nearest rank). */
    private static long nearestRank(List<Long> sorted, int percent) {
        int position = (int) Math.ceil(sorted.size() * percent / 100.0);
        return sorted.get(Math.max(position, 1) - 1);
    }
}
