package io.gridsteward.api.ticket;

import io.gridsteward.api.core.ApiException;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.TicketStatus;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.ticket.TicketFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters every ticket list reads: {@code status}, {@code category}, {@code from} and {@code to}
 * (report time, ISO-8601 instants, {@code to} exclusive), {@code limit} (1-100, default 20) and {@code cursor}.
 * Each unusable parameter is named in one 400, {@code from} also when it is later than {@code to}.
 */
public record ListQuery(TicketFilter filter, PageRequest page) {

    public static final int DEFAULT_LIMIT = 20;

    public static ListQuery parse(String status, String category, String from, String to, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<TicketStatus> parsedStatus = parse(errors, "status", status, TicketStatus::valueOf);
        Optional<Category> parsedCategory = parse(errors, "category", category, Category::new);
        Optional<Instant> parsedFrom = parse(errors, "from", from, Instant::parse);
        Optional<Instant> parsedTo = parse(errors, "to", to, Instant::parse);
        Optional<Integer> parsedLimit = parse(errors, "limit", limit, Integer::valueOf);
        int pageSize = parsedLimit.orElse(DEFAULT_LIMIT);
        if (pageSize < 1 || pageSize > PageRequest.MAXIMUM_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + PageRequest.MAXIMUM_LIMIT));
        }
        if (parsedFrom.isPresent() && parsedTo.isPresent() && parsedFrom.get().isAfter(parsedTo.get())) {
            errors.add(new FieldError("from", "must not be later than to (" + to + ")"));
        }
        if (cursor != null && cursor.isBlank()) {
            errors.add(new FieldError("cursor", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.malformedParameters(errors);
        }
        return new ListQuery(
                new TicketFilter(parsedStatus, parsedCategory, parsedFrom, parsedTo),
                new PageRequest(pageSize, Optional.ofNullable(cursor)));
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> Optional<T> parse(List<FieldError> errors, String name, String text, Parser<T> parser) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(text));
        } catch (IllegalArgumentException | DateTimeParseException | ValidationException exception) {
            errors.add(new FieldError(name, "is not a valid " + name + ": " + text));
            return Optional.empty();
        }
    }
}
