package io.gridsteward.domain.core;

/**
 * A rule of the domain refused a request. The kinds are closed so that the HTTP layer maps each one to
 * exactly one status with an exhaustive switch.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ValidationException,
                IllegalTransitionException,
                VersionConflictException,
                NotFoundException,
                ForbiddenException {

    protected DomainException(String message) {
        super(message);
    }
}
