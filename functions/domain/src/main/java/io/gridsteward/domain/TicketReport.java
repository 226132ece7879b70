package io.gridsteward.domain;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What a reporter tells about a problem; the grid it lies in is passed beside it, as a looked-up organisation. */
public record TicketReport(Category category, Description description, Location location, Optional<Channel> channel) {

    public TicketReport {
        requireNonNull(category, "category");
        requireNonNull(description, "description");
        requireNonNull(location, "location");
        requireNonNull(channel, "channel");
    }
}
