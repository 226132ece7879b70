package io.gridsteward.domain.ticket;

/**
 * The words of the API for each step: the path segment of {@code POST /v1/tickets/{id}/<step>}. Steps only the
 * platform takes (reporting has its own route) have words for messages but no route.
 */
public final class TicketSteps {

    private TicketSteps() {
    }

    public static String verb(TicketEventType step) {
        return switch (step) {
            case REPORTED -> "report";
            case DISPATCHED -> "dispatch";
            case ACCEPTED -> "accept";
            case RETURNED -> "return";
            case ESCALATED -> "escalate";
            case RESOLVED -> "resolve";
            case EVALUATED -> "evaluate";
            case REOPENED -> "reopen";
            case CLOSED -> "close";
            case CANCELLED -> "cancel";
            case SUPERVISED -> "supervise";
            case FLAGGED_OVERDUE -> "flag as overdue";
        };
    }
}
