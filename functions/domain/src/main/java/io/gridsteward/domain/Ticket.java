package io.gridsteward.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A reported problem and where it stands. Immutable: every step returns the next ticket together with the
 * event that explains it ({@link TicketChange}); nothing changes a ticket without an event.
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
        Optional<OrganisationId> assignee,
        long version,
        Instant updatedAt) {

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
        reportedAt = reportedAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
    }

    /**
     * A resident or a grid worker reports a problem in a grid.
     *
     * @throws ValidationException naming {@code gridId} when the organisation is not a grid, or {@code channel}
     *         when the reporter may not use it
     * @throws ForbiddenException when the caller may not report in this grid
     */
    public static TicketChange report(TicketId id, TicketReport report, Organisation grid, Caller reporter, Instant at) {
        Placement placement = grid.placement()
                .orElseThrow(() -> ValidationException.of("gridId", "%s is a %s, not a grid".formatted(grid.id().value(), grid.kind())));
        if (!TicketAccess.mayReport(reporter, placement)) {
            throw new ForbiddenException("a %s may not report problems in grid %s".formatted(reporter.role(), grid.id().value()));
        }
        Channel channel = report.channel().or(() -> Channel.defaultFor(reporter.role()))
                .orElseThrow(() -> ValidationException.of("channel", "is required for a " + reporter.role()));
        if (!channel.isOpenTo(reporter.role())) {
            throw ValidationException.of("channel", "a %s cannot report through %s".formatted(reporter.role(), channel));
        }
        Ticket ticket = new Ticket(id, TicketStatus.REPORTED, report.category(), report.description(), placement,
                report.location(), reporter.userId(), channel, at, Optional.empty(), 1, at);
        TicketEvent event = new TicketEvent(TicketEvent.idFor(id, 1), id, 1, TicketEventType.REPORTED, Optional.empty(),
                TicketStatus.REPORTED, ticket.reportedAt(), reporter, placement, ticket.category(), Optional.empty(), Optional.empty());
        return new TicketChange(ticket, event);
    }

    /**
     * The town's dispatcher assigns the ticket to a grid team, a community of the same town, or a department.
     *
     * @throws ForbiddenException when the caller is not a dispatcher of the ticket's town
     * @throws IllegalTransitionException when the ticket's status does not allow dispatch
     * @throws ValidationException naming {@code assigneeOrgId} when the organisation cannot take the ticket
     */
    public TicketChange dispatch(Organisation to, Caller by, Instant at) {
        if (!TicketAccess.mayDispatch(by, this)) {
            throw new ForbiddenException("only a dispatcher of town %s may dispatch this ticket".formatted(placement.town().value()));
        }
        requireAllowed(TicketEventType.DISPATCHED);
        if (!to.kind().handlesTickets()) {
            throw ValidationException.of("assigneeOrgId", "%s is a %s, which does not handle tickets".formatted(to.id().value(), to.kind()));
        }
        boolean local = to.kind() != OrganisationKind.DEPARTMENT;
        if (local && !to.town().equals(Optional.of(placement.town()))) {
            throw ValidationException.of("assigneeOrgId", "%s lies outside the ticket's town %s".formatted(to.id().value(), placement.town().value()));
        }
        return step(TicketEventType.DISPATCHED, by, at, Optional.of(to.id()), Optional.empty());
    }

    private void requireAllowed(TicketEventType step) {
        if (!TicketLifecycle.allows(status, step)) {
            throw new IllegalTransitionException(id, status, step);
        }
    }

    /** Applies one step of the lifecycle; every public transition ends here so version and event agree. */
    private TicketChange step(TicketEventType type, Caller actor, Instant at, Optional<OrganisationId> newAssignee, Optional<String> reason) {
        TicketStatus target = TicketLifecycle.next(status, type).orElseThrow(() -> new IllegalTransitionException(id, status, type));
        long nextVersion = version + 1;
        Ticket next = new Ticket(id, target, category, description, placement, location, reporterId, channel, reportedAt,
                newAssignee.or(() -> assignee), nextVersion, at);
        TicketEvent event = new TicketEvent(TicketEvent.idFor(id, nextVersion), id, nextVersion, type, Optional.of(status), target,
                next.updatedAt(), actor, placement, category, next.assignee(), reason);
        return new TicketChange(next, event);
    }
}
