package io.gridsteward.api.resource;

import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.store.resource.Traced;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An offer, demand, claim or project named in a path, as the caller may see it: a malformed id, an unknown one and one
 * out of the caller's sight answer the same 404, so that a caller learns nothing of what it may not see.
 */
final class VisibleItems {

    private VisibleItems() {}

    static <I, T> Traced<T> find(
            String kind,
            String id,
            Function<String, I> parse,
            Function<I, Optional<Traced<T>>> read,
            Predicate<T> maySee) {
        I parsed;
        try {
            parsed = parse.apply(id);
        } catch (ValidationException invalid) {
            throw new NotFoundException(kind, id);
        }
        return read.apply(parsed)
                .filter(traced -> maySee.test(traced.state()))
                .orElseThrow(() -> new NotFoundException(kind, id));
    }
}
