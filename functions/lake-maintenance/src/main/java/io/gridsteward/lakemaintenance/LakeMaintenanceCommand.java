package io.gridsteward.lakemaintenance;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The jobs from a shell, against whatever the environment points at (the local stack, or AWS):
 * <pre>
 * lake-maintenance compact   [--from yyyy-MM-dd] [--to yyyy-MM-dd]   default: the 7 days before today (UTC)
 * lake-maintenance reconcile [--from yyyy-MM-dd] [--to yyyy-MM-dd]   exit status 2 when table and lake differ
 * lake-maintenance backfill  --from yyyy-MM-dd [--to yyyy-MM-dd]      --to defaults to --from
 * </pre>
 */
public final class LakeMaintenanceCommand {

    static final int DIFFERENT = 2;
    static final int USAGE = 64;
    private static final int DEFAULT_LOOKBACK_DAYS = 7;

    private LakeMaintenanceCommand() {}

    public static void main(String[] arguments) throws Exception {
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(arguments, System.getenv(), Clock.systemUTC(), console));
    }

    /** Runs one command; answers the process exit status. */
    static int run(String[] arguments, Map<String, String> environment, Clock clock, PrintStream console)
            throws Exception {
        Command command;
        try {
            command = Command.parse(arguments, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        } catch (IllegalArgumentException | DateTimeParseException problem) {
            console.println(problem.getMessage());
            console.println("usage: lake-maintenance compact|reconcile|backfill [--from yyyy-MM-dd] [--to yyyy-MM-dd]");
            return USAGE;
        }
        try (LakeMaintenance maintenance = LakeMaintenance.fromEnvironment(environment)) {
            return switch (command.job()) {
                case "compact" -> print(console, MaintenanceReports.lines(maintenance.compact(command.period())), 0);
                case "reconcile" -> {
                    Reconciliation.Report report = maintenance.reconcile(command.period());
                    yield print(console, MaintenanceReports.lines(report), report.consistent() ? 0 : DIFFERENT);
                }
                case "backfill" ->
                    print(console, MaintenanceReports.lines(maintenance.backfill(command.period(), console)), 0);
                default -> throw new IllegalStateException("parse admits no job " + command.job());
            };
        }
    }

    private static int print(PrintStream console, List<String> lines, int status) {
        lines.forEach(console::println);
        return status;
    }

    record Command(String job, LakeDays period) {

        static Command parse(String[] arguments, LocalDate today) {
            if (arguments.length == 0
                    || !List.of("compact", "reconcile", "backfill").contains(arguments[0])) {
                throw new IllegalArgumentException("name a job: compact, reconcile or backfill");
            }
            String job = arguments[0];
            LocalDate from = null;
            LocalDate to = null;
            for (int index = 1; index < arguments.length; index += 2) {
                if (index + 1 >= arguments.length) {
                    throw new IllegalArgumentException(arguments[index] + " needs a date");
                }
                LocalDate date = LocalDate.parse(arguments[index + 1]);
                switch (arguments[index]) {
                    case "--from" -> from = date;
                    case "--to" -> to = date;
                    default -> throw new IllegalArgumentException("unknown option " + arguments[index]);
                }
            }
            if (from == null && job.equals("backfill")) {
                throw new IllegalArgumentException("backfill needs --from: it rewrites the lake, so name the days");
            }
            if (from == null) {
                LakeDays lookback = LakeDays.daysBefore(today, DEFAULT_LOOKBACK_DAYS);
                return new Command(job, new LakeDays(lookback.first(), to == null ? lookback.last() : to));
            }
            return new Command(job, new LakeDays(from, to == null ? (job.equals("backfill") ? from : today) : to));
        }
    }
}
