package io.gridsteward.domain.core;

/** The current state of a thing (a ticket, a claim, an activity ...) does not allow the requested step. */
public final class IllegalTransitionException extends DomainException {

    private final String kind;
    private final String id;
    private final String currentState;
    private final String attempted;

    public IllegalTransitionException(String kind, String id, String currentState, String attempted) {
        super("%s %s is %s, which does not allow %s".formatted(kind, id, currentState, attempted));
        this.kind = kind;
        this.id = id;
        this.currentState = currentState;
        this.attempted = attempted;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public String currentState() {
        return currentState;
    }

    public String attempted() {
        return attempted;
    }
}
