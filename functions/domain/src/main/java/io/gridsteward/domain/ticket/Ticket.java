package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A reported problem and where it stands. Immutable: every step returns the next ticket together with the
 * event that explains it ({@link TicketChange}); nothing changes a ticket without an event. Each step checks, in
 * this order: that the caller may take it ({@link TicketAccess}, 403), that the state allows it
 * ({@link TicketLifecycle}, 409), and its values (422).
 *
 * <p>Times are kept to the millisecond, the precision they are stored with, so a ticket read back equals the one
 * written.
 */
public record Ticket(
        TicketId id,
        TicketStatus status,
        Category category,
        Description description,
        Placement placement,
        Location location,
        String reporterId,
        Channel channel,
        Instant reportedAt,
        Optional<Assignee> assignee,
        long version,
        Instant updatedAt,
        Priority priority,
        SlaTarget sla,
        Deadlines deadlines,
        Optional<Instant> missedDueAt,
        Optional<PhoneNumber> reporterPhone,
        Optional<Resolution> resolution,
        Optional<Evaluation> evaluation) {

    public Ticket {
        requireNonNull(id, "id");
        requireNonNull(status, "status");
        requireNonNull(category, "category");
        requireNonNull(description, "description");
        requireNonNull(placement, "placement");
        requireNonNull(location, "location");
        requireNonNull(reporterId, "reporterId");
        requireNonNull(channel, "channel");
        requireNonNull(assignee, "assignee");
        requireNonNull(priority, "priority");
        requireNonNull(sla, "sla");
        requireNonNull(deadlines, "deadlines");
        missedDueAt = requireNonNull(missedDueAt, "missedDueAt").map(due -> due.truncatedTo(ChronoUnit.MILLIS));
        requireNonNull(reporterPhone, "reporterPhone");
        requireNonNull(resolution, "resolution");
        requireNonNull(evaluation, "evaluation");
        reportedAt = reportedAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
    }

    /**
     * A resident, a grid worker, a hotline operator or a supervisor reports a problem in a grid; the SLA target of
     * its category and priority sets its due times from now.
     *
     * @throws ValidationException naming {@code gridId} when the organisation is not a grid, or {@code channel}
     *         when the reporter may not use it
     * @throws ForbiddenException when the caller may not report in this grid
     */
    public static TicketChange report(
            TicketId id, TicketReport report, Organisation grid, Caller reporter, Instant at, SlaPolicy policy) {
        Placement placement = grid.placement()
                .orElseThrow(() -> ValidationException.of(
                        "gridId", "%s is a %s, not a grid".formatted(grid.id().value(), grid.kind())));
        if (!TicketAccess.mayReport(reporter, placement)) {
            throw new ForbiddenException("a %s may not report problems in grid %s"
                    .formatted(reporter.role(), grid.id().value()));
        }
        Channel channel = report.channel()
                .or(() -> Channel.defaultFor(reporter.role()))
                .orElseThrow(() -> ValidationException.of("channel", "is required for a " + reporter.role()));
        if (!channel.isOpenTo(reporter.role())) {
            throw ValidationException.of(
                    "channel", "a %s cannot report through %s".formatted(reporter.role(), channel));
        }
        SlaTarget sla = policy.targetFor(report.category(), report.priority());
        Ticket ticket = new Ticket(
                id,
                TicketStatus.REPORTED,
                report.category(),
                report.description(),
                placement,
                report.location(),
                reporter.userId(),
                channel,
                at,
                Optional.empty(),
                1,
                at,
                report.priority(),
                sla,
                Deadlines.startingAt(at.truncatedTo(ChronoUnit.MILLIS), sla),
                Optional.empty(),
                report.reporterPhone(),
                Optional.empty(),
                Optional.empty());
        TicketEvent event = new TicketEvent(
                TicketEvent.idFor(id, 1),
                id,
                1,
                TicketEventType.REPORTED,
                Optional.empty(),
                TicketStatus.REPORTED,
                ticket.reportedAt(),
                reporter,
                placement,
                ticket.category(),
                Optional.empty(),
                Optional.empty(),
                ticket.priority(),
                ticket.deadlines(),
                OptionalInt.empty(),
                List.of());
        return new TicketChange(ticket, event);
    }

    /**
     * The town's dispatcher (or auto-routing) assigns the ticket to a grid team, a community of the same town, or a
     * department. A dispatch after a return, an escalation or a reopening restarts the acceptance clock, and so does
     * a dispatch made after the acceptance due time: that delay was the dispatcher's, flagged against the town, and
     * the assignee gets its own time to accept.
     *
     * @throws ForbiddenException when the caller is not a dispatcher of the ticket's town
     * @throws IllegalTransitionException when the ticket's status does not allow dispatch
     * @throws ValidationException naming {@code assigneeOrgId} when the organisation cannot take the ticket
     */
    public TicketChange dispatch(Organisation to, Caller by, Instant at) {
        requirePermitted(TicketEventType.DISPATCHED, by);
        requireAllowed(TicketEventType.DISPATCHED);
        requireHandlerInReach(to, "assigneeOrgId");
        Draft draft = new Draft(this);
        draft.assignee = Optional.of(Assignee.of(to));
        if (status != TicketStatus.REPORTED || !deadlines.acceptBy().isAfter(at)) {
            draft.deadlines = deadlines.acceptAgainFrom(at, sla);
        }
        return step(TicketEventType.DISPATCHED, by, at, Optional.empty(), draft);
    }

    /** A handler of the assignee organisation takes the ticket on (签收). */
    public TicketChange accept(Caller by, Instant at) {
        requirePermitted(TicketEventType.ACCEPTED, by);
        requireAllowed(TicketEventType.ACCEPTED);
        return step(TicketEventType.ACCEPTED, by, at, Optional.empty(), new Draft(this));
    }

    /**
     * The assignee sends a wrongly dispatched ticket back to its town's dispatcher (退单); the assignee is cleared and
     * the dispatcher's acceptance clock starts now.
     */
    public TicketChange giveBack(Note reason, Caller by, Instant at) {
        requirePermitted(TicketEventType.RETURNED, by);
        requireAllowed(TicketEventType.RETURNED);
        Draft draft = new Draft(this);
        draft.assignee = Optional.empty();
        draft.deadlines = deadlines.acceptAgainFrom(at, sla);
        return step(TicketEventType.RETURNED, by, at, Optional.of(reason.text()), draft);
    }

    /**
     * Moves the ticket up a level: to {@code target} when given (a county department, the ticket's town, or a grid
     * or community of its town), otherwise to the level above its assignee (see {@link #derivedEscalationTarget}).
     * The new level's acceptance clock starts now.
     *
     * @throws ValidationException naming {@code targetOrgId} when the target cannot take the ticket, or when none is
     *         given and the ticket already sits with its town
     */
    public TicketChange escalate(Optional<Organisation> target, Note reason, Caller by, Instant at) {
        requirePermitted(TicketEventType.ESCALATED, by);
        requireAllowed(TicketEventType.ESCALATED);
        Assignee to;
        if (target.isPresent()) {
            Organisation given = target.get();
            boolean ownTown =
                    given.kind() == OrganisationKind.TOWN && given.id().equals(placement.town());
            if (!ownTown) {
                requireHandlerInReach(given, "targetOrgId");
            }
            to = Assignee.of(given);
        } else {
            to = derivedEscalationTarget()
                    .orElseThrow(() -> ValidationException.of(
                            "targetOrgId", "is required: a ticket with its town escalates to a county department"));
        }
        if (assignee.map(Assignee::id).equals(Optional.of(to.id()))) {
            throw ValidationException.of(
                    "targetOrgId", "the ticket is already with " + to.id().value());
        }
        Draft draft = new Draft(this);
        draft.assignee = Optional.of(to);
        draft.deadlines = deadlines.acceptAgainFrom(at, sla);
        return step(TicketEventType.ESCALATED, by, at, Optional.of(reason.text()), draft);
    }

    /**
     * The SLA sweeper's step, as SYSTEM, on a ticket whose holder has missed its due time (see {@link #overdueCheckAt}):
     * moved a level up when there is a level above to derive (a grid, a community, a department), otherwise — the
     * town's dispatcher holds it — flagged where it is ({@link TicketEventType#FLAGGED_OVERDUE}). Either way the
     * missed due time is recorded, so the same lateness is never acted on twice. Nothing when the ticket is not
     * overdue at {@code now}.
     */
    public Optional<TicketChange> flagIfOverdue(Instant now) {
        Optional<Instant> missed = overdueCheckAt().filter(due -> due.isBefore(now));
        if (missed.isEmpty()) {
            return Optional.empty();
        }
        Instant due = missed.get();
        Note reason = new Note("overdue: %s was due at %s".formatted(awaitedStep(), due));
        if (derivedEscalationTarget().isPresent()) {
            TicketChange change = escalate(Optional.empty(), reason, Caller.system(), now);
            Draft draft = new Draft(change.ticket());
            draft.missedDueAt = Optional.of(due);
            return Optional.of(rebuild(change, draft));
        }
        requirePermitted(TicketEventType.FLAGGED_OVERDUE, Caller.system());
        requireAllowed(TicketEventType.FLAGGED_OVERDUE);
        Draft draft = new Draft(this);
        draft.missedDueAt = Optional.of(due);
        return Optional.of(
                step(TicketEventType.FLAGGED_OVERDUE, Caller.system(), now, Optional.of(reason.text()), draft));
    }

    /**
     * A handler of the assignee organisation reports the problem solved, with a note and photos uploaded for this
     * ticket.
     *
     * @throws ValidationException naming {@code photoKeys[i]} for a key outside the ticket's attachments
     */
    public TicketChange resolve(Resolution resolution, Caller by, Instant at) {
        requirePermitted(TicketEventType.RESOLVED, by);
        requireAllowed(TicketEventType.RESOLVED);
        FieldErrors errors = new FieldErrors();
        for (int index = 0; index < resolution.photos().size(); index++) {
            if (!resolution.photos().get(index).belongsTo(id)) {
                errors.add("photoKeys[" + index + "]", "is not an attachment of ticket " + id.value());
            }
        }
        errors.throwIfAny();
        Draft draft = new Draft(this);
        draft.resolution = Optional.of(resolution);
        return step(
                TicketEventType.RESOLVED, by, at, Optional.of(resolution.note().text()), draft);
    }

    /** The reporter rates the resolution. */
    public TicketChange evaluate(Evaluation evaluation, Caller by, Instant at) {
        requirePermitted(TicketEventType.EVALUATED, by);
        requireAllowed(TicketEventType.EVALUATED);
        Draft draft = new Draft(this);
        draft.evaluation = Optional.of(evaluation);
        return step(TicketEventType.EVALUATED, by, at, evaluation.comment().map(Note::text), draft);
    }

    /** The reporter is not satisfied: the assignee has to accept and resolve again, on fresh due times. */
    public TicketChange reopen(Note reason, Caller by, Instant at) {
        requirePermitted(TicketEventType.REOPENED, by);
        requireAllowed(TicketEventType.REOPENED);
        Draft draft = new Draft(this);
        draft.deadlines = Deadlines.startingAt(at, sla);
        draft.resolution = Optional.empty();
        draft.evaluation = Optional.empty();
        return step(TicketEventType.REOPENED, by, at, Optional.of(reason.text()), draft);
    }

    /** The town's dispatcher closes a resolved ticket. */
    public TicketChange close(Optional<Note> note, Caller by, Instant at) {
        requirePermitted(TicketEventType.CLOSED, by);
        requireAllowed(TicketEventType.CLOSED);
        return step(TicketEventType.CLOSED, by, at, note.map(Note::text), new Draft(this));
    }

    /** The town's dispatcher cancels a ticket that needs no handling (a duplicate, a report made in error). */
    public TicketChange cancel(Note reason, Caller by, Instant at) {
        requirePermitted(TicketEventType.CANCELLED, by);
        requireAllowed(TicketEventType.CANCELLED);
        return step(TicketEventType.CANCELLED, by, at, Optional.of(reason.text()), new Draft(this));
    }

    /** A town supervisor's note (督办): an event in the trace, the status stays. */
    public TicketChange supervise(Note note, Caller by, Instant at) {
        requirePermitted(TicketEventType.SUPERVISED, by);
        requireAllowed(TicketEventType.SUPERVISED);
        return step(TicketEventType.SUPERVISED, by, at, Optional.of(note.text()), new Draft(this));
    }

    /**
     * The level above the assignee: the ticket's grid goes to its community, its community to its town; any other
     * assignee (a department, another grid or community of the town) goes to the town. From the town itself there
     * is no level to derive: a county department has to be named.
     */
    public Optional<Assignee> derivedEscalationTarget() {
        if (assignee.isEmpty() || assignee.get().id().equals(placement.town())) {
            return Optional.empty();
        }
        if (assignee.get().id().equals(placement.grid().organisationId())) {
            return Optional.of(new Assignee(placement.community(), OrganisationKind.COMMUNITY));
        }
        return Optional.of(new Assignee(placement.town(), OrganisationKind.TOWN));
    }

    /**
     * The due time the ticket's holder has to meet next: accepted, the resolution due time; open and not yet
     * accepted — dispatched, escalated, reopened, or waiting in the dispatcher's queue — the acceptance due time
     * (for the dispatcher: to pass it on). Nothing once resolved.
     */
    public Optional<Instant> currentDueAt() {
        return switch (status) {
            case REPORTED, DISPATCHED, RETURNED, ESCALATED, REOPENED -> Optional.of(deadlines.acceptBy());
            case ACCEPTED -> Optional.of(deadlines.resolveBy());
            case RESOLVED, EVALUATED, CLOSED, CANCELLED -> Optional.empty();
        };
    }

    /**
     * When the SLA sweeper has to look at this ticket: its current due time, when later than the last one found
     * missed. A lateness is acted on once: a ticket escalated for missing one due time is not escalated again for an
     * earlier one (the resolution due time runs from intake and stays behind a new holder's acceptance due time).
     */
    public Optional<Instant> overdueCheckAt() {
        return currentDueAt().filter(due -> missedDueAt.isEmpty() || due.isAfter(missedDueAt.get()));
    }

    /** Whether the SLA sweeper has ever found this ticket late. */
    public boolean overdue() {
        return missedDueAt.isPresent();
    }

    private String awaitedStep() {
        if (status == TicketStatus.ACCEPTED) {
            return "resolution";
        }
        return awaitsDispatcher() ? "dispatch" : "acceptance";
    }

    /** Waiting for the town's dispatcher: new, returned, or escalated up to the town. */
    public boolean awaitsDispatcher() {
        return switch (status) {
            case REPORTED, RETURNED -> true;
            case ESCALATED -> assignee.map(Assignee::id).equals(Optional.of(placement.town()));
            case DISPATCHED, ACCEPTED, RESOLVED, EVALUATED, REOPENED, CLOSED, CANCELLED -> false;
        };
    }

    /** Open with an assignee that has to act on it: below the town, or the town itself once it took the ticket on. */
    public boolean openWithAssignee() {
        return assignee.isPresent()
                && !awaitsDispatcher()
                && switch (status) {
                    case DISPATCHED, ACCEPTED, ESCALATED, REOPENED -> true;
                    case REPORTED, RETURNED, RESOLVED, EVALUATED, CLOSED, CANCELLED -> false;
                };
    }

    /** A grid, or a community of the ticket's town, or a county department. */
    private void requireHandlerInReach(Organisation to, String field) {
        if (!to.kind().handlesTickets()) {
            throw ValidationException.of(
                    field,
                    "%s is a %s, which does not handle tickets"
                            .formatted(to.id().value(), to.kind()));
        }
        boolean local = to.kind() != OrganisationKind.DEPARTMENT;
        if (local && !to.town().equals(Optional.of(placement.town()))) {
            throw ValidationException.of(
                    field,
                    "%s lies outside the ticket's town %s"
                            .formatted(to.id().value(), placement.town().value()));
        }
    }

    private void requirePermitted(TicketEventType step, Caller by) {
        if (!TicketAccess.mayTake(by, step, this)) {
            throw new ForbiddenException("a %s of %s may not %s this ticket"
                    .formatted(
                            by.role(),
                            by.organisationId().map(OrganisationId::value).orElse("no organisation"),
                            TicketSteps.verb(step)));
        }
    }

    private void requireAllowed(TicketEventType step) {
        if (!TicketLifecycle.allows(status, step)) {
            throw new IllegalTransitionException("ticket", id.value(), status.name(), step.name());
        }
    }

    /** Applies one step of the lifecycle; every public transition ends here so version and event agree. */
    private TicketChange step(TicketEventType type, Caller actor, Instant at, Optional<String> reason, Draft draft) {
        TicketStatus target = TicketLifecycle.next(status, type)
                .orElseThrow(() -> new IllegalTransitionException("ticket", id.value(), status.name(), type.name()));
        long nextVersion = version + 1;
        Ticket next = draft.build(target, nextVersion, at);
        OptionalInt rating = type == TicketEventType.EVALUATED
                ? OptionalInt.of(next.evaluation().orElseThrow().rating())
                : OptionalInt.empty();
        List<PhotoKey> photos = type == TicketEventType.RESOLVED
                ? next.resolution().orElseThrow().photos()
                : List.of();
        TicketEvent event = new TicketEvent(
                TicketEvent.idFor(id, nextVersion),
                id,
                nextVersion,
                type,
                Optional.of(status),
                target,
                next.updatedAt(),
                actor,
                placement,
                category,
                next.assignee(),
                reason,
                next.priority(),
                next.deadlines(),
                rating,
                photos);
        return new TicketChange(next, event);
    }

    /** The same step with more changes to the ticket (the event already says what happened). */
    private static TicketChange rebuild(TicketChange change, Draft draft) {
        Ticket ticket = change.ticket();
        return new TicketChange(draft.build(ticket.status(), ticket.version(), ticket.updatedAt()), change.event());
    }

    /** The fields a step may change, copied from the ticket before it. */
    private static final class Draft {

        private final Ticket before;
        private Optional<Assignee> assignee;
        private Deadlines deadlines;
        private Optional<Instant> missedDueAt;
        private Optional<Resolution> resolution;
        private Optional<Evaluation> evaluation;

        private Draft(Ticket before) {
            this.before = before;
            this.assignee = before.assignee();
            this.deadlines = before.deadlines();
            this.missedDueAt = before.missedDueAt();
            this.resolution = before.resolution();
            this.evaluation = before.evaluation();
        }

        private Ticket build(TicketStatus status, long version, Instant at) {
            return new Ticket(
                    before.id(),
                    status,
                    before.category(),
                    before.description(),
                    before.placement(),
                    before.location(),
                    before.reporterId(),
                    before.channel(),
                    before.reportedAt(),
                    assignee,
                    version,
                    at,
                    before.priority(),
                    before.sla(),
                    deadlines,
                    missedDueAt,
                    before.reporterPhone(),
                    resolution,
                    evaluation);
        }
    }
}
