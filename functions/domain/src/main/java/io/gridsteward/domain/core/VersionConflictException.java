package io.gridsteward.domain.core;

/** Someone changed the thing since the caller read it: the optimistic lock lost. */
public final class VersionConflictException extends DomainException {

    private final String kind;
    private final String id;
    private final long expectedVersion;

    public VersionConflictException(String kind, String id, long expectedVersion) {
        super("%s %s is not at version %d".formatted(kind, id, expectedVersion));
        this.kind = kind;
        this.id = id;
        this.expectedVersion = expectedVersion;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
