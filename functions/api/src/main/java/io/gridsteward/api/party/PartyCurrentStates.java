package io.gridsteward.api.party;

import io.gridsteward.api.core.CurrentState;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.store.party.PartyStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Where an enrolment or an attendance stands now, for 409 answers. */
final class PartyCurrentStates {

    private PartyCurrentStates() {}

    @ApplicationScoped
    static class EnrolmentState implements CurrentState {

        private final PartyStore store;

        EnrolmentState(PartyStore store) {
            this.store = store;
        }

        @Override
        public String kind() {
            return "enrolment";
        }

        @Override
        public Optional<Versioned> find(String id) {
            try {
                return store.findEnrolment(new EnrolleeId(id))
                        .map(history -> new Versioned(
                                history.enrolment().status().name(),
                                history.enrolment().version()));
            } catch (ValidationException invalid) {
                return Optional.empty();
            }
        }
    }

    @ApplicationScoped
    static class AttendanceState implements CurrentState {

        private final PartyStore store;

        AttendanceState(PartyStore store) {
            this.store = store;
        }

        @Override
        public String kind() {
            return "attendance";
        }

        /** {@code id} is {@code activityId/enrolleeId}, as the domain names an attendance. */
        @Override
        public Optional<Versioned> find(String id) {
            int slash = id.indexOf('/');
            try {
                return slash < 1
                        ? Optional.empty()
                        : store.findAttendance(
                                        new ActivityId(id.substring(0, slash)), new EnrolleeId(id.substring(slash + 1)))
                                .map(attendance ->
                                        new Versioned(attendance.status().name(), attendance.version()));
            } catch (ValidationException invalid) {
                return Optional.empty();
            }
        }
    }
}
