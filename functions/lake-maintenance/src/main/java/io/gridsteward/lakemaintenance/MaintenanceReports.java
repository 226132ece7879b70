package io.gridsteward.lakemaintenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The jobs' results as console lines (the command) and as plain maps (the function's JSON answer). */
final class MaintenanceReports {

    /** How many ids of each kind a line names before it only counts them. */
    private static final int SHOWN_IDS = 20;

    private MaintenanceReports() {}

    static List<String> lines(List<Compaction.DayCompaction> days) {
        List<String> lines = new ArrayList<>();
        for (Compaction.DayCompaction day : days) {
            lines.add(day.table() + " " + day.day() + "  objects " + day.objectsBefore() + " -> " + day.objectsAfter()
                    + day.compactedKey()
                            .map(key -> "  rows " + day.rowsRead() + " -> " + day.rowsWritten() + "  " + key)
                            .orElse("  (nothing to do)"));
        }
        long before =
                days.stream().mapToLong(Compaction.DayCompaction::objectsBefore).sum();
        long after =
                days.stream().mapToLong(Compaction.DayCompaction::objectsAfter).sum();
        lines.add("compaction: " + distinctDays(days) + " days of "
                + tables(days).size() + " tables, objects " + before + " -> " + after);
        return lines;
    }

    private static long distinctDays(List<Compaction.DayCompaction> days) {
        return days.stream().map(Compaction.DayCompaction::day).distinct().count();
    }

    private static List<String> tables(List<Compaction.DayCompaction> days) {
        return days.stream().map(Compaction.DayCompaction::table).distinct().toList();
    }

    static List<String> lines(Reconciliation.Report report) {
        List<String> lines = new ArrayList<>();
        for (Reconciliation.DayReconciliation day : report.days()) {
            String line = day.day() + "  table " + day.tableEvents() + "  lake " + day.lakeEvents() + " (rows "
                    + day.lakeRows() + ")  " + (day.consistent() ? "OK" : "DIFFERENT");
            lines.add(line);
            if (!day.missingFromLake().isEmpty()) {
                lines.add("  missing from the lake (" + day.missingFromLake().size() + "): "
                        + shown(day.missingFromLake()));
            }
            if (!day.extraInLake().isEmpty()) {
                lines.add("  in the lake, not in the table ("
                        + day.extraInLake().size() + "): " + shown(day.extraInLake()));
            }
        }
        lines.add("reconciliation " + report.period().first() + ".."
                + report.period().last() + ": table " + report.tableEvents() + " events, lake " + report.lakeEvents()
                + " distinct events: " + (report.consistent() ? "consistent" : "DIFFERENT"));
        return lines;
    }

    static List<String> lines(Backfill.Result result) {
        List<String> lines = new ArrayList<>();
        result.writtenKeys().forEach(key -> lines.add("wrote " + key));
        result.unreadable().forEach(item -> lines.add("left out (unreadable) " + item));
        lines.add("backfill " + result.period().first() + ".." + result.period().last() + ": " + result.items()
                + " events read, "
                + result.rows() + " rows in " + result.writtenKeys().size() + " objects, " + result.replacedObjects()
                + " older objects replaced, " + result.unreadable().size() + " unreadable");
        return lines;
    }

    static Map<String, Object> summary(List<Compaction.DayCompaction> days) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("job", "compaction");
        summary.put("days", distinctDays(days));
        summary.put("tables", tables(days));
        summary.put(
                "objectsBefore",
                days.stream().mapToLong(Compaction.DayCompaction::objectsBefore).sum());
        summary.put(
                "objectsAfter",
                days.stream().mapToLong(Compaction.DayCompaction::objectsAfter).sum());
        summary.put(
                "compactedKeys",
                days.stream().flatMap(day -> day.compactedKey().stream()).toList());
        return summary;
    }

    static Map<String, Object> summary(Reconciliation.Report report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("job", "reconciliation");
        summary.put("from", report.period().first().toString());
        summary.put("to", report.period().last().toString());
        summary.put("consistent", report.consistent());
        summary.put("tableEvents", report.tableEvents());
        summary.put("lakeEvents", report.lakeEvents());
        summary.put(
                "missingFromLake",
                report.days().stream()
                        .flatMap(day -> day.missingFromLake().stream())
                        .limit(SHOWN_IDS * 10)
                        .toList());
        summary.put(
                "extraInLake",
                report.days().stream()
                        .flatMap(day -> day.extraInLake().stream())
                        .limit(SHOWN_IDS * 10)
                        .toList());
        return summary;
    }

    private static String shown(List<String> ids) {
        return ids.size() <= SHOWN_IDS
                ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, SHOWN_IDS)) + " and " + (ids.size() - SHOWN_IDS) + " more";
    }
}
