package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.DataFiles;
import io.gridsteward.domain.core.OrganisationId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One county's party-member rules, as data ({@code party-rules.csv} and {@code party-points.csv}, versioned): report-in
 * deadlines, the yearly target, the share of presence that makes hours count, the check-in margin, the QR token's
 * validity, points per activity kind with caps and the pass mark, and a unit's threshold.
 */
public record PartyRules(
        String version,
        ZoneId timeZone,
        List<MonthDay> reportInDeadlines,
        long yearlyTargetHours,
        BigDecimal presenceShare,
        Duration checkInMargin,
        Duration tokenValidity,
        int passMark,
        BigDecimal unitRateThreshold,
        Map<ActivityKind, PointsRule> points) {

    static final String RULES_RESOURCE = "party-rules.csv";
    static final String POINTS_RESOURCE = "party-points.csv";
    private static final String ANY_COUNTY = "*";
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    public PartyRules {
        requireNonNull(version, "version");
        requireNonNull(timeZone, "timeZone");
        reportInDeadlines = List.copyOf(reportInDeadlines);
        requireNonNull(presenceShare, "presenceShare");
        requireNonNull(checkInMargin, "checkInMargin");
        requireNonNull(tokenValidity, "tokenValidity");
        requireNonNull(unitRateThreshold, "unitRateThreshold");
        points = Map.copyOf(points);
        if (reportInDeadlines.isEmpty() || !reportInDeadlines.getLast().equals(MonthDay.of(12, 31))) {
            throw new IllegalArgumentException("reportInDeadlines must end with 12-31, the year's end");
        }
        for (int index = 1; index < reportInDeadlines.size(); index++) {
            if (!reportInDeadlines.get(index).isAfter(reportInDeadlines.get(index - 1))) {
                throw new IllegalArgumentException("reportInDeadlines must be in order");
            }
        }
        if (presenceShare.signum() < 0
                || presenceShare.compareTo(BigDecimal.ONE) > 0
                || unitRateThreshold.signum() < 0
                || unitRateThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("shares lie between 0 and 1");
        }
        if (yearlyTargetHours < 0
                || passMark < 0
                || checkInMargin.isNegative()
                || tokenValidity.isNegative()
                || tokenValidity.isZero()) {
            throw new IllegalArgumentException("targets, marks, margins and validities are positive");
        }
        if (!points.keySet().containsAll(Arrays.asList(ActivityKind.values()))) {
            throw new IllegalArgumentException("every activity kind needs points");
        }
    }

    /** The rules shipped with the code for {@code county} (its own lines over the defaults). */
    public static PartyRules bundled(OrganisationId county) {
        return parse(
                DataFiles.read(PartyRules.class, RULES_RESOURCE),
                DataFiles.read(PartyRules.class, POINTS_RESOURCE),
                county);
    }

    public static PartyRules parse(String rulesText, String pointsText, OrganisationId county) {
        Map<String, String> defaults = new HashMap<>();
        Map<String, String> own = new HashMap<>();
        String rulesVersion = DataFiles.readTable(rulesText, "party rules", "county,rule,value", cells -> {
            Map<String, String> target =
                    cells.get(0).equals(ANY_COUNTY) ? defaults : cells.get(0).equals(county.value()) ? own : null;
            if (target != null && target.put(cells.get(1), cells.get(2)) != null) {
                throw new IllegalArgumentException("repeated " + cells.get(0) + "," + cells.get(1));
            }
        });
        Map<ActivityKind, PointsRule> defaultPoints = new EnumMap<>(ActivityKind.class);
        Map<ActivityKind, PointsRule> ownPoints = new EnumMap<>(ActivityKind.class);
        String pointsVersion =
                DataFiles.readTable(pointsText, "party points", "county,kind,pointsPerActivity,yearlyCap", cells -> {
                    PointsRule rule = new PointsRule(Integer.parseInt(cells.get(2)), Integer.parseInt(cells.get(3)));
                    ActivityKind kind = ActivityKind.valueOf(cells.get(1));
                    Map<ActivityKind, PointsRule> target = cells.get(0).equals(ANY_COUNTY)
                            ? defaultPoints
                            : cells.get(0).equals(county.value()) ? ownPoints : null;
                    if (target != null && target.put(kind, rule) != null) {
                        throw new IllegalArgumentException("repeated " + cells.get(0) + "," + kind);
                    }
                });
        Map<String, String> rules = new HashMap<>(defaults);
        rules.putAll(own);
        Map<ActivityKind, PointsRule> points = new EnumMap<>(defaultPoints);
        points.putAll(ownPoints);
        return new PartyRules(
                rulesVersion + "/" + pointsVersion,
                ZoneId.of(required(rules, "timeZone")),
                Arrays.stream(required(rules, "reportInDeadlines").split(" +"))
                        .map(text -> MonthDay.parse(text, MONTH_DAY))
                        .toList(),
                Long.parseLong(required(rules, "yearlyTargetHours")),
                new BigDecimal(required(rules, "presenceShare")),
                Duration.parse(required(rules, "checkInMargin")),
                Duration.parse(required(rules, "tokenValidity")),
                Integer.parseInt(required(rules, "passMark")),
                new BigDecimal(required(rules, "unitRateThreshold")),
                points);
    }

    /** Whether presence of {@code presentMinutes} in a window of {@code windowMinutes} is enough for its hours to count. */
    public boolean presenceCounts(long presentMinutes, long windowMinutes) {
        return BigDecimal.valueOf(presentMinutes).compareTo(presenceShare.multiply(BigDecimal.valueOf(windowMinutes)))
                >= 0;
    }

    public PointsRule pointsFor(ActivityKind kind) {
        return points.get(kind);
    }

    private static String required(Map<String, String> rules, String name) {
        String value = rules.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the party rules name no " + name);
        }
        return value;
    }
}
