package io.gridsteward.domain.core;

/**
 * Nothing the caller may see has this id. Also used when the thing exists but lies outside the caller's
 * jurisdiction, so that a refusal does not reveal existence.
 */
public final class NotFoundException extends DomainException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super("%s %s not found".formatted(kind, id));
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
