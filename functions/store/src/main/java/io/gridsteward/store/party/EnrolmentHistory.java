package io.gridsteward.store.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentEvent;
import java.util.List;

/** An enrolment and every event of it, oldest first. */
public record EnrolmentHistory(Enrolment enrolment, List<EnrolmentEvent> events) {

    public EnrolmentHistory {
        requireNonNull(enrolment, "enrolment");
        events = List.copyOf(events);
    }
}
