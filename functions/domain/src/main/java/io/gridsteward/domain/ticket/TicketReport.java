package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Location;
import java.util.Optional;

/**
 * What a reporter tells about a problem; the grid it lies in is passed beside it, as a looked-up organisation.
 * {@code reporterPhone} is the number to call back (a hotline caller's, or a resident's own).
 */
public record TicketReport(
        Category category,
        Description description,
        Location location,
        Optional<Channel> channel,
        Priority priority,
        Optional<PhoneNumber> reporterPhone) {

    public TicketReport {
        requireNonNull(category, "category");
        requireNonNull(description, "description");
        requireNonNull(location, "location");
        requireNonNull(channel, "channel");
        requireNonNull(priority, "priority");
        requireNonNull(reporterPhone, "reporterPhone");
    }

    /** A report of normal priority without a phone number. */
    public TicketReport(Category category, Description description, Location location, Optional<Channel> channel) {
        this(category, description, location, channel, Priority.NORMAL, Optional.empty());
    }
}
