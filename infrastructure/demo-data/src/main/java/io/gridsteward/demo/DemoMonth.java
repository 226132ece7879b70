package io.gridsteward.demo;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.ticket.Assignee;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.Description;
import io.gridsteward.domain.ticket.Evaluation;
import io.gridsteward.domain.ticket.Note;
import io.gridsteward.domain.ticket.Priority;
import io.gridsteward.domain.ticket.Resolution;
import io.gridsteward.domain.ticket.SlaPolicy;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketReport;
import io.gridsteward.domain.ticket.TicketStatus;
import io.gridsteward.store.ticket.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The month behind the demo dashboards: tickets reported over the past 30 days, each taken along a plausible
 * lifecycle with past times (dispatch, acceptance, sometimes a return or a reopening, resolution, the resident's
 * rating, and the SLA sweeper's escalations and flags where someone was late), written through the domain and the store exactly as the API writes them, so they reach the lake by the
 * table's stream like any other ticket. Seeded randomness: the same seed gives the same month.
 */
public final class DemoMonth {
    private static final ZoneId COUNTY_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration SPAN = Duration.ofDays(30);
    private static final List<String> CATEGORIES = List.of(
            "streetlight",
            "garbage",
            "road-damage",
            "water-leak",
            "drainage",
            "noise",
            "greenery",
            "parking",
            "elderly-care");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "streetlight",
            "路灯不亮",
            "garbage",
            "垃圾未及时清运",
            "road-damage",
            "路面破损",
            "water-leak",
            "水管漏水",
            "drainage",
            "下水道堵塞",
            "noise",
            "夜间施工噪音",
            "greenery",
            "绿化带缺损",
            "parking",
            "占道停车",
            "elderly-care",
            "独居老人需要帮助");
    /** The county department a dispatcher sends some of a category's tickets to (水务局, 交通运输局, 城管局, …). */
    private static final Map<String, OrganisationId> DEPARTMENTS = Map.of(
            "water-leak",
            new OrganisationId("dept-water"),
            "road-damage",
            new OrganisationId("dept-transport"),
            "noise",
            new OrganisationId("dept-ecology"),
            "elderly-care",
            new OrganisationId("dept-civil-affairs"),
            // 占道停车 is the urban management bureau's (城管), whose officer is a demo user.
            "parking",
            new OrganisationId("dept-urban-management"));

    /** Tickets written at once: enough to keep the emulator busy while a client signs and sends the next. */
    private static final int WRITERS = 8;

    private final List<Organisation> grids;
    private final Map<OrganisationId, Organisation> organisations;
    private final SlaPolicy slaPolicy = SlaPolicy.bundled();

    public DemoMonth(DemoCounty county) {
        List<Organisation> all = county.organisations();
        this.organisations = all.stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
        this.grids = all.stream()
                .filter(organisation -> organisation.kind() == OrganisationKind.GRID)
                .toList();
    }

    /**
     * Writes {@code count} tickets whose histories end before {@code now}; returns how many events were written. The
     * histories are drawn in order from the seed, then written {@value #WRITERS} tickets at a time: tickets share no
     * item, and each ticket's steps are written one after another, each expecting the version before it.
     */
    public int write(TicketStore store, Instant now, int count, long seed) throws InterruptedException {
        Random random = new Random(seed);
        List<List<TicketChange>> histories = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            histories.add(lifecycle(new TicketId("demo-month-%04d".formatted(index + 1)), random, now));
        }
        Semaphore writers = new Semaphore(WRITERS);
        List<Future<?>> written = new ArrayList<>();
        try (ExecutorService parallel =
                Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            for (List<TicketChange> history : histories) {
                writers.acquire();
                written.add(parallel.submit(() -> {
                    try {
                        store.create(history.getFirst(), Optional.empty());
                        for (TicketChange change : history.subList(1, history.size())) {
                            store.transition(change, change.ticket().version() - 1);
                        }
                    } finally {
                        writers.release();
                    }
                }));
            }
        }
        for (Future<?> ticket : written) {
            try {
                ticket.get();
            } catch (ExecutionException failure) {
                throw failure.getCause() instanceof RuntimeException cause
                        ? cause
                        : new IllegalStateException(failure.getCause());
            }
        }
        return histories.stream().mapToInt(List::size).sum();
    }

    /**
     * One ticket's steps, stopping at the first one that would lie in the future (such tickets stay open). Between
     * steps the SLA sweeper makes its passes, so a slow grid is escalated to its community and a slow dispatcher is
     * flagged, as they would have been.
     */
    List<TicketChange> lifecycle(TicketId id, Random random, Instant now) {
        Organisation grid = grids.get(random.nextInt(grids.size()));
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        Priority priority = random.nextInt(10) == 0 ? Priority.HIGH : Priority.NORMAL;
        Caller resident = Caller.resident("demo-resident-%03d".formatted(random.nextInt(400)));
        Instant reportedAt =
                daytime(now.minus(Duration.ofSeconds((long) (random.nextDouble() * SPAN.toSeconds()))), random, now);
        TicketReport report = new TicketReport(
                new Category(category),
                new Description(DESCRIPTIONS.get(category)),
                new Location(30.2 + random.nextDouble() * 0.2, 120.1 + random.nextDouble() * 0.2),
                Optional.empty(),
                priority,
                Optional.empty());
        Placement placement = grid.placement().orElseThrow();
        Caller dispatcher =
                Caller.staff("demo-dispatcher-" + placement.town().value(), Role.TOWN_DISPATCHER, placement.town());
        Organisation community = organisations.get(placement.community());
        Organisation firstAssignee = switch (random.nextInt(10)) {
            case 0, 1 -> community;
            case 2, 3 ->
                Optional.ofNullable(DEPARTMENTS.get(category))
                        .map(organisations::get)
                        .orElse(grid);
            default -> grid;
        };

        Story story = new Story(Ticket.report(id, report, grid, resident, reportedAt, slaPolicy), random, now);
        Instant at = reportedAt.plus(mostlyQuick(random, 15, minutes(random, 2, 20), minutes(random, 60, 300)));
        boolean returned = false;
        boolean reopened = false;
        while (story.reaches(at)) {
            Ticket ticket = story.ticket();
            if (ticket.awaitsDispatcher()) {
                // After an escalation up to the town the dispatcher hands the ticket to the community.
                Organisation to = ticket.status() == TicketStatus.ESCALATED ? community : firstAssignee;
                story.take(ticket.dispatch(to, dispatcher, at));
                at = at.plus(mostlyQuick(random, 10, minutes(random, 5, 40), minutes(random, 120, 480)));
                continue;
            }
            Caller handler = handlerOf(ticket.assignee().orElseThrow());
            switch (ticket.status()) {
                case DISPATCHED, ESCALATED, REOPENED -> {
                    if (ticket.status() == TicketStatus.DISPATCHED && !returned && random.nextInt(12) == 0) {
                        returned = true;
                        // 退单: the wrong team got it; the dispatcher sends it on again.
                        story.take(ticket.giveBack(new Note("不属于本网格处置范围"), handler, at));
                        at = at.plus(minutes(random, 5, 90));
                    } else {
                        story.take(ticket.accept(handler, at));
                        at = at.plus(mostlyQuick(
                                random, 8, minutes(random, 30, 20 * 60), minutes(random, 24 * 60, 96 * 60)));
                    }
                }
                case ACCEPTED -> {
                    story.take(ticket.resolve(new Resolution(new Note("已处置完毕"), List.of()), handler, at));
                    at = at.plus(minutes(random, 30, 24 * 60));
                }
                case RESOLVED -> {
                    if (!reopened && random.nextInt(14) == 0) {
                        reopened = true;
                        story.take(ticket.reopen(new Note("问题仍未解决"), resident, at));
                        at = at.plus(minutes(random, 5, 60));
                    } else {
                        int rating = random.nextInt(10) < 6 ? 5 : 1 + random.nextInt(5);
                        story.take(ticket.evaluate(new Evaluation(rating, Optional.empty()), resident, at));
                        return story.steps();
                    }
                }
                case REPORTED, RETURNED, EVALUATED, CLOSED, CANCELLED -> {
                    return story.steps();
                }
            }
        }
        return story.steps();
    }

    private static Caller handlerOf(Assignee assignee) {
        String id = assignee.id().value();
        return switch (assignee.kind()) {
            case GRID -> Caller.staff("demo-worker-" + id, Role.GRID_WORKER, assignee.id());
            case COMMUNITY -> Caller.staff("demo-secretary-" + id, Role.COMMUNITY_SECRETARY, assignee.id());
            case TOWN -> Caller.staff("demo-dispatcher-" + id, Role.TOWN_DISPATCHER, assignee.id());
            case DEPARTMENT -> Caller.staff("demo-officer-" + id, Role.DEPARTMENT_OFFICER, assignee.id());
            case COUNTY, UNIT ->
                throw new IllegalStateException("a %s does not hold tickets: %s".formatted(assignee.kind(), id));
        };
    }

    /** A ticket's steps so far, with the SLA sweeper's passes (every five minutes) between them. */
    private static final class Story {

        private static final int SWEEP_INTERVAL_SECONDS = 300;

        private final List<TicketChange> steps = new ArrayList<>();
        private final Random random;
        private final Instant now;
        private Ticket ticket;

        private Story(TicketChange reported, Random random, Instant now) {
            this.random = random;
            this.now = now;
            take(reported);
        }

        /** Lets the sweeper act until {@code at} (or now, if sooner); false when {@code at} lies in the future. */
        private boolean reaches(Instant at) {
            Instant until = at.isBefore(now) ? at : now;
            Optional<Instant> due = ticket.overdueCheckAt();
            while (due.isPresent()) {
                Instant lateSince = due.get().isAfter(ticket.updatedAt()) ? due.get() : ticket.updatedAt();
                Instant pass = lateSince.plusSeconds(1 + random.nextInt(SWEEP_INTERVAL_SECONDS));
                if (!pass.isBefore(until)) {
                    break;
                }
                take(ticket.flagIfOverdue(pass).orElseThrow());
                due = ticket.overdueCheckAt();
            }
            return at.isBefore(now);
        }

        private void take(TicketChange change) {
            steps.add(change);
            ticket = change.ticket();
        }

        private Ticket ticket() {
            return ticket;
        }

        private List<TicketChange> steps() {
            return List.copyOf(steps);
        }
    }

    /** Residents report by day: an instant moved into 07:00–21:00 of its day in the county's time zone, never after now. */
    private static Instant daytime(Instant instant, Random random, Instant now) {
        ZonedDateTime local = instant.atZone(COUNTY_TIME_ZONE);
        if (local.getHour() >= 7 && local.getHour() < 21) {
            return instant;
        }
        Instant moved = local.withHour(7 + random.nextInt(14)).toInstant();
        return moved.isAfter(now) ? moved.minus(Duration.ofDays(1)) : moved;
    }

    /** Most teams are quick; one time in {@code oneIn} the slow duration is taken instead. */
    private static Duration mostlyQuick(Random random, int oneIn, Duration quick, Duration slow) {
        return random.nextInt(oneIn) == 0 ? slow : quick;
    }

    private static Duration minutes(Random random, int least, int most) {
        return Duration.ofSeconds(least * 60L + (long) (random.nextDouble() * (most - least) * 60));
    }
}
