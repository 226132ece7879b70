package io.gridsteward.domain.core;

/** The caller may see the thing but their role or jurisdiction does not allow this action on it. */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }
}
