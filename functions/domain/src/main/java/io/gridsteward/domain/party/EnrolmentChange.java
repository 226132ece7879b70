package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

/** An enrolment's new state and the event that led to it; the store writes both in one transaction. */
public record EnrolmentChange(Enrolment enrolment, EnrolmentEvent event) {

    public EnrolmentChange {
        requireNonNull(enrolment, "enrolment");
        requireNonNull(event, "event");
        if (!enrolment.id().equals(event.enrolleeId())
                || enrolment.version() != event.sequence()
                || enrolment.status() != event.to()) {
            throw new IllegalArgumentException("the event must describe the enrolment's new state");
        }
    }
}
