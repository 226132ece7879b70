package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.Identifiers;
import io.gridsteward.domain.core.ValidationException;
import java.util.HashSet;
import java.util.List;

/** Residents named by their pseudonymous user ids (never names or phones): whom a demand or a project serves. */
final class ResidentIds {

    static final int MAXIMUM = 200;

    private ResidentIds() {}

    static List<String> require(String field, List<String> ids) {
        if (ids.size() > MAXIMUM) {
            throw ValidationException.of(field, "must name at most %d residents".formatted(MAXIMUM));
        }
        for (int index = 0; index < ids.size(); index++) {
            try {
                Identifiers.require(ids.get(index));
            } catch (ValidationException invalid) {
                throw ValidationException.of(
                        field + "[" + index + "]", invalid.errors().getFirst().message());
            }
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ValidationException.of(field, "must not name a resident twice");
        }
        return List.copyOf(ids);
    }
}
