package io.gridsteward.store.party;

import io.gridsteward.domain.party.EnrolmentEvent;
import io.gridsteward.domain.party.Enrolment;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** An enrolment and every event of it, oldest first. */
public record EnrolmentHistory(Enrolment enrolment, List<EnrolmentEvent> events) {

    public EnrolmentHistory {
        requireNonNull(enrolment, "enrolment");
        events = List.copyOf(events);
    }
}
