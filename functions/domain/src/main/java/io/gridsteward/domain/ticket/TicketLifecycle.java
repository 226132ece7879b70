package io.gridsteward.domain.ticket;

import java.util.Optional;

/**
 * The transition table of a ticket: for each current status and each step, the status after it, or nothing
 * when the step is not allowed. Both switches are exhaustive, so a new status or step does not compile until
 * every cell of the table is decided.
 *
 * <p>Supervision notes and the SLA sweeper's overdue flag leave the status as it is; the flag is only taken on open
 * tickets that still wait for someone to act (not on resolved ones).
 *
 * <p>A dispatched ticket cannot be dispatched again: a different assignee comes through RETURNED or ESCALATED.
 * That is what makes two racing dispatchers produce one winner even when the loser reads after the winner wrote.
 */
public final class TicketLifecycle {

    private TicketLifecycle() {}

    public static Optional<TicketStatus> next(TicketStatus current, TicketEventType step) {
        TicketStatus target = switch (current) {
            case REPORTED ->
                switch (step) {
                    case DISPATCHED -> TicketStatus.DISPATCHED;
                    case CANCELLED -> TicketStatus.CANCELLED;
                    case SUPERVISED, FLAGGED_OVERDUE -> current;
                    case REPORTED, ACCEPTED, RETURNED, ESCALATED, RESOLVED, EVALUATED, REOPENED, CLOSED -> null;
                };
            case DISPATCHED ->
                switch (step) {
                    case ACCEPTED -> TicketStatus.ACCEPTED;
                    case RETURNED -> TicketStatus.RETURNED;
                    case ESCALATED -> TicketStatus.ESCALATED;
                    case CANCELLED -> TicketStatus.CANCELLED;
                    case SUPERVISED, FLAGGED_OVERDUE -> current;
                    case REPORTED, DISPATCHED, RESOLVED, EVALUATED, REOPENED, CLOSED -> null;
                };
            case ACCEPTED ->
                switch (step) {
                    case RESOLVED -> TicketStatus.RESOLVED;
                    case RETURNED -> TicketStatus.RETURNED;
                    case ESCALATED -> TicketStatus.ESCALATED;
                    case CANCELLED -> TicketStatus.CANCELLED;
                    case SUPERVISED, FLAGGED_OVERDUE -> current;
                    case REPORTED, DISPATCHED, ACCEPTED, EVALUATED, REOPENED, CLOSED -> null;
                };
            case RETURNED ->
                switch (step) {
                    case DISPATCHED -> TicketStatus.DISPATCHED;
                    case CANCELLED -> TicketStatus.CANCELLED;
                    case SUPERVISED, FLAGGED_OVERDUE -> current;
                    case REPORTED, ACCEPTED, RETURNED, ESCALATED, RESOLVED, EVALUATED, REOPENED, CLOSED -> null;
                };
            case ESCALATED ->
                switch (step) {
                    case ACCEPTED -> TicketStatus.ACCEPTED;
                    case DISPATCHED -> TicketStatus.DISPATCHED;
                    case ESCALATED -> TicketStatus.ESCALATED;
                    case CANCELLED -> TicketStatus.CANCELLED;
                    case SUPERVISED, FLAGGED_OVERDUE -> current;
                    case REPORTED, RETURNED, RESOLVED, EVALUATED, REOPENED, CLOSED -> null;
                };
            case RESOLVED ->
                switch (step) {
                    case EVALUATED -> TicketStatus.EVALUATED;
                    case REOPENED -> TicketStatus.REOPENED;
                    case CLOSED -> TicketStatus.CLOSED;
                    case SUPERVISED -> current;
                    case REPORTED, DISPATCHED, ACCEPTED, RETURNED, ESCALATED, RESOLVED, CANCELLED, FLAGGED_OVERDUE ->
                        null;
                };
            case EVALUATED ->
                switch (step) {
                    case CLOSED -> TicketStatus.CLOSED;
                    case REOPENED -> TicketStatus.REOPENED;
                    case SUPERVISED -> current;
                    case REPORTED,
                            DISPATCHED,
                            ACCEPTED,
                            RETURNED,
                            ESCALATED,
                            RESOLVED,
                            EVALUATED,
                            CANCELLED,
                            FLAGGED_OVERDUE -> null;
                };
            case REOPENED ->
                switch (step) {
                    case ACCEPTED -> TicketStatus.ACCEPTED;
                    case DISPATCHED -> TicketStatus.DISPATCHED;
                    case ESCALATED -> TicketStatus.ESCALATED;
                    case CANCELLED -> TicketStatus.CANCELLED;
                    case SUPERVISED, FLAGGED_OVERDUE -> current;
                    case REPORTED, RETURNED, RESOLVED, EVALUATED, REOPENED, CLOSED -> null;
                };
            case CLOSED, CANCELLED -> null;
        };
        return Optional.ofNullable(target);
    }

    public static boolean allows(TicketStatus current, TicketEventType step) {
        return next(current, step).isPresent();
    }
}
