package io.gridsteward.api.resource;

import io.gridsteward.api.core.ApiException;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.store.core.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code limit} (1-100, default 20) and {@code cursor} of a resource list; an unusable one is a 400 naming it. */
final class PageQuery {

    static final int DEFAULT_LIMIT = 20;

    private PageQuery() {}

    static PageRequest parse(String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException unreadable) {
                errors.add(new FieldError("limit", "is not a number: " + limit));
            }
        }
        if (size < 1 || size > PageRequest.MAXIMUM_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + PageRequest.MAXIMUM_LIMIT));
        }
        if (cursor != null && cursor.isBlank()) {
            errors.add(new FieldError("cursor", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.malformed(errors);
        }
        return new PageRequest(size, Optional.ofNullable(cursor));
    }

    /** An organisation id from a query or path parameter; a 400 naming {@code name} when it cannot be one. */
    static OrganisationId organisation(String name, String value) {
        if (value == null) {
            throw ApiException.malformed(name, "is required");
        }
        try {
            return new OrganisationId(value);
        } catch (ValidationException invalid) {
            throw ApiException.malformed(name, invalid.errors().getFirst().message());
        }
    }
}
