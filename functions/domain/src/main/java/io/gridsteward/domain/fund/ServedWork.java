package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.Identifiers;

/**
 * What a claim pays for: an activity, a project of the resources context, or a delegated task, each named by an
 * opaque id. The fund context does not look a project up: the id is the meeting point (docs/contracts.md).
 */
public record ServedWork(Kind kind, String reference) {

    public enum Kind {
        ACTIVITY,
        PROJECT,
        DELEGATED_TASK
    }

    public ServedWork {
        requireNonNull(kind, "kind");
        FieldErrors errors = new FieldErrors();
        errors.value("reference", () -> Identifiers.require(reference));
        errors.throwIfAny();
    }
}
