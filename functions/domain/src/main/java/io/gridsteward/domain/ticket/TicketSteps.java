package io.gridsteward.domain.ticket;

/**
 * The words of the API for each step: the path segment of {@code POST /v1/tickets/{id}/<step>} (the resource's
 * routes are built from these constants). Steps only the platform takes (reporting has its own route) have words for
 * messages but no route.
 */
public final class TicketSteps {

    public static final String DISPATCH = "dispatch";
    public static final String ACCEPT = "accept";
    public static final String RETURN = "return";
    public static final String ESCALATE = "escalate";
    public static final String RESOLVE = "resolve";
    public static final String EVALUATE = "evaluate";
    public static final String REOPEN = "reopen";
    public static final String CLOSE = "close";
    public static final String CANCEL = "cancel";
    public static final String SUPERVISE = "supervise";

    private TicketSteps() {}

    public static String verb(TicketEventType step) {
        return switch (step) {
            case REPORTED -> "report";
            case DISPATCHED -> DISPATCH;
            case ACCEPTED -> ACCEPT;
            case RETURNED -> RETURN;
            case ESCALATED -> ESCALATE;
            case RESOLVED -> RESOLVE;
            case EVALUATED -> EVALUATE;
            case REOPENED -> REOPEN;
            case CLOSED -> CLOSE;
            case CANCELLED -> CANCEL;
            case SUPERVISED -> SUPERVISE;
            case FLAGGED_OVERDUE -> "flag as overdue";
        };
    }
}
