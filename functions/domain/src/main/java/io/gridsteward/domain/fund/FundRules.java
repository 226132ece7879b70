package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.DataFiles;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.ValidationException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The county's rules for claims as data: per fund kind the allowed and forbidden purposes, the per-claim ceiling,
 * the amount above which the county approves too, and the expiry of unpaid claims; and the list of tasks that may be
 * delegated (准入). Each file carries a version, recorded on every claim decided by it.
 */
public final class FundRules {

    public enum Use {
        ALLOWED,
        FORBIDDEN
    }

    private final String version;
    private final Map<FundKind, FundLimits> limits;
    private final Map<FundKind, Map<Purpose, Use>> purposes;
    private final Map<String, String> admittedTasks;

    private FundRules(
            String version,
            Map<FundKind, FundLimits> limits,
            Map<FundKind, Map<Purpose, Use>> purposes,
            Map<String, String> admittedTasks) {
        this.version = version;
        this.limits = Map.copyOf(limits);
        this.purposes = Map.copyOf(purposes);
        this.admittedTasks = Map.copyOf(admittedTasks);
    }

    /** The files shipped beside this class. */
    public static FundRules bundled() {
        return parse(
                DataFiles.read(FundRules.class, "fund-limits.csv"),
                DataFiles.read(FundRules.class, "fund-purposes.csv"),
                DataFiles.read(FundRules.class, "admitted-tasks.csv"));
    }

    public static FundRules parse(String limitsFile, String purposesFile, String admittedTasksFile) {
        Map<FundKind, FundLimits> limits = new EnumMap<>(FundKind.class);
        String limitsVersion = DataFiles.readTable(
                limitsFile, "fund limits", "kind,claimCeilingFen,countyApprovalAboveFen,claimExpiryDays", cells -> {
                    FundKind kind = FundKind.valueOf(cells.get(0));
                    Money ceiling = Money.positive("claimCeilingFen", Long.parseLong(cells.get(1)));
                    Money threshold = Money.positive("countyApprovalAboveFen", Long.parseLong(cells.get(2)));
                    int days = Integer.parseInt(cells.get(3));
                    if (days < 1) {
                        throw new IllegalArgumentException("claimExpiryDays must be at least 1");
                    }
                    if (limits.put(kind, new FundLimits(ceiling, threshold, Duration.ofDays(days))) != null) {
                        throw new IllegalArgumentException("a second line for " + kind);
                    }
                });
        Map<FundKind, Map<Purpose, Use>> purposes = new EnumMap<>(FundKind.class);
        String purposesVersion = DataFiles.readTable(purposesFile, "fund purposes", "kind,purpose,use", cells -> {
            FundKind kind = FundKind.valueOf(cells.get(0));
            Purpose purpose = new Purpose(cells.get(1));
            if (purposes.computeIfAbsent(kind, ignored -> new HashMap<>()).put(purpose, Use.valueOf(cells.get(2)))
                    != null) {
                throw new IllegalArgumentException("a second line for %s %s".formatted(kind, purpose.code()));
            }
        });
        Map<String, String> admitted = new HashMap<>();
        String tasksVersion = DataFiles.readTable(admittedTasksFile, "admitted tasks", "code,title", cells -> {
            if (admitted.put(new Purpose(cells.get(0)).code(), cells.get(1)) != null) {
                throw new IllegalArgumentException("a second line for " + cells.get(0));
            }
        });
        Set<FundKind> claimable = new HashSet<>(limits.keySet());
        if (!purposes.keySet().containsAll(claimable)) {
            throw new IllegalArgumentException("every fund kind with limits needs its purposes");
        }
        return new FundRules(limitsVersion + "/" + purposesVersion + "/" + tasksVersion, limits, purposes, admitted);
    }

    public String version() {
        return version;
    }

    /** The limits of a kind that is claimed from; empty for funds that only pass money down (town, county). */
    public Optional<FundLimits> limitsFor(FundKind kind) {
        return Optional.ofNullable(limits.get(kind));
    }

    /**
     * Checks a claim's purpose and amount against its fund's rules.
     *
     * @throws ValidationException naming {@code purpose} (forbidden or not listed) and {@code amountFen} (over the ceiling)
     */
    public void requireClaimable(FundKind kind, Purpose purpose, Money amount) {
        FundLimits fundLimits = limitsFor(kind)
                .orElseThrow(() -> ValidationException.of(
                        "accountId",
                        "a %s account is not claimed from: it passes money down by transfer".formatted(kind)));
        Optional<Use> use = Optional.ofNullable(purposes.get(kind).get(purpose));
        if (use.isEmpty()) {
            throw ValidationException.of(
                    "purpose", "%s is not an allowed use of a %s fund".formatted(purpose.code(), kind));
        }
        if (use.get() == Use.FORBIDDEN) {
            throw ValidationException.of("purpose", "%s is forbidden for a %s fund".formatted(purpose.code(), kind));
        }
        if (amount.isGreaterThan(fundLimits.claimCeiling())) {
            throw ValidationException.of(
                    "amountFen",
                    "is over the ceiling of %s for one claim on a %s fund".formatted(fundLimits.claimCeiling(), kind));
        }
    }

    /**
     * The admitted task's title.
     *
     * @throws ValidationException naming {@code taskCode} when the county has not admitted the task
     */
    public String requireAdmitted(String taskCode) {
        String title = admittedTasks.get(taskCode);
        if (title == null) {
            throw ValidationException.of(
                    "taskCode",
                    "%s is not on the county's list of work that may be delegated to communities (准入)"
                            .formatted(taskCode));
        }
        return title;
    }
}
