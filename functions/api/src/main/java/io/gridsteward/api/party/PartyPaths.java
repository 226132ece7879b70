package io.gridsteward.api.party;

import io.gridsteward.api.core.ApiException;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.store.core.PageRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the party endpoints read from paths and query strings: ids (malformed is unknown: 404), paging and the year (400). */
final class PartyPaths {

    static final int DEFAULT_LIMIT = 20;

    private PartyPaths() {}

    static EnrolleeId enrollee(String id) {
        try {
            return new EnrolleeId(id);
        } catch (ValidationException invalid) {
            throw new NotFoundException("enrolment", id);
        }
    }

    static ActivityId activity(String id) {
        try {
            return new ActivityId(id);
        } catch (ValidationException invalid) {
            throw new NotFoundException("activity", id);
        }
    }

    /** The caller as an enrollee: people check in as themselves. */
    static EnrolleeId self(Caller caller) {
        try {
            return new EnrolleeId(caller.userId());
        } catch (ValidationException invalid) {
            throw new ForbiddenException("the caller's id cannot be an enrollee's");
        }
    }

    static PageRequest page(String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException notNumber) {
                size = 0;
            }
            if (size < 1 || size > PageRequest.MAXIMUM_LIMIT) {
                errors.add(new FieldError("limit", "must be between 1 and " + PageRequest.MAXIMUM_LIMIT));
            }
        }
        if (cursor != null && cursor.isBlank()) {
            errors.add(new FieldError("cursor", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.malformed(errors);
        }
        return new PageRequest(size, Optional.ofNullable(cursor));
    }

    static Optional<EnrolleeKind> kind(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EnrolleeKind.valueOf(kind));
        } catch (IllegalArgumentException unknown) {
            throw ApiException.malformed("kind", "must be IN_SERVICE_MEMBER, SCATTERED_MEMBER, SUNK_STAFF or UNIT");
        }
    }

    /** The year asked for; this year in the county's zone when absent. */
    static int year(String year, Instant now, ZoneId zone) {
        if (year == null) {
            return now.atZone(zone).getYear();
        }
        try {
            int parsed = Integer.parseInt(year);
            if (parsed >= 2000 && parsed <= 2100) {
                return parsed;
            }
        } catch (NumberFormatException notNumber) {
            // answered below with the field named
        }
        throw ApiException.malformed("year", "must be a year between 2000 and 2100");
    }
}
