package io.gridsteward.domain.ticket;

import static io.gridsteward.domain.ticket.TicketEventType.ACCEPTED;
import static io.gridsteward.domain.ticket.TicketEventType.CANCELLED;
import static io.gridsteward.domain.ticket.TicketEventType.CLOSED;
import static io.gridsteward.domain.ticket.TicketEventType.DISPATCHED;
import static io.gridsteward.domain.ticket.TicketEventType.ESCALATED;
import static io.gridsteward.domain.ticket.TicketEventType.EVALUATED;
import static io.gridsteward.domain.ticket.TicketEventType.FLAGGED_OVERDUE;
import static io.gridsteward.domain.ticket.TicketEventType.REOPENED;
import static io.gridsteward.domain.ticket.TicketEventType.RESOLVED;
import static io.gridsteward.domain.ticket.TicketEventType.RETURNED;
import static io.gridsteward.domain.ticket.TicketEventType.SUPERVISED;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle written out a second time, by hand, as the list of legal steps; every status × step pair
 * not listed must be refused. A change to {@link TicketLifecycle} has to be made here too, on purpose.
 */
class TicketLifecycleTest {

    private static final Map<TicketStatus, Map<TicketEventType, TicketStatus>> LEGAL = Map.of(
            TicketStatus.REPORTED,
                    Map.ofEntries(
                            entry(DISPATCHED, TicketStatus.DISPATCHED),
                            entry(CANCELLED, TicketStatus.CANCELLED),
                            entry(SUPERVISED, TicketStatus.REPORTED),
                            entry(FLAGGED_OVERDUE, TicketStatus.REPORTED)),
            TicketStatus.DISPATCHED,
                    Map.ofEntries(
                            entry(ACCEPTED, TicketStatus.ACCEPTED),
                            entry(RETURNED, TicketStatus.RETURNED),
                            entry(ESCALATED, TicketStatus.ESCALATED),
                            entry(CANCELLED, TicketStatus.CANCELLED),
                            entry(SUPERVISED, TicketStatus.DISPATCHED),
                            entry(FLAGGED_OVERDUE, TicketStatus.DISPATCHED)),
            TicketStatus.ACCEPTED,
                    Map.ofEntries(
                            entry(RESOLVED, TicketStatus.RESOLVED),
                            entry(RETURNED, TicketStatus.RETURNED),
                            entry(ESCALATED, TicketStatus.ESCALATED),
                            entry(CANCELLED, TicketStatus.CANCELLED),
                            entry(SUPERVISED, TicketStatus.ACCEPTED),
                            entry(FLAGGED_OVERDUE, TicketStatus.ACCEPTED)),
            TicketStatus.RETURNED,
                    Map.ofEntries(
                            entry(DISPATCHED, TicketStatus.DISPATCHED),
                            entry(CANCELLED, TicketStatus.CANCELLED),
                            entry(SUPERVISED, TicketStatus.RETURNED),
                            entry(FLAGGED_OVERDUE, TicketStatus.RETURNED)),
            TicketStatus.ESCALATED,
                    Map.ofEntries(
                            entry(ACCEPTED, TicketStatus.ACCEPTED),
                            entry(DISPATCHED, TicketStatus.DISPATCHED),
                            entry(ESCALATED, TicketStatus.ESCALATED),
                            entry(CANCELLED, TicketStatus.CANCELLED),
                            entry(SUPERVISED, TicketStatus.ESCALATED),
                            entry(FLAGGED_OVERDUE, TicketStatus.ESCALATED)),
            TicketStatus.RESOLVED,
                    Map.ofEntries(
                            entry(EVALUATED, TicketStatus.EVALUATED),
                            entry(REOPENED, TicketStatus.REOPENED),
                            entry(CLOSED, TicketStatus.CLOSED),
                            entry(SUPERVISED, TicketStatus.RESOLVED)),
            TicketStatus.EVALUATED,
                    Map.ofEntries(
                            entry(CLOSED, TicketStatus.CLOSED),
                            entry(REOPENED, TicketStatus.REOPENED),
                            entry(SUPERVISED, TicketStatus.EVALUATED)),
            TicketStatus.REOPENED,
                    Map.ofEntries(
                            entry(ACCEPTED, TicketStatus.ACCEPTED),
                            entry(DISPATCHED, TicketStatus.DISPATCHED),
                            entry(ESCALATED, TicketStatus.ESCALATED),
                            entry(CANCELLED, TicketStatus.CANCELLED),
                            entry(SUPERVISED, TicketStatus.REOPENED),
                            entry(FLAGGED_OVERDUE, TicketStatus.REOPENED)),
            TicketStatus.CLOSED, Map.of(),
            TicketStatus.CANCELLED, Map.of());

    static Stream<Arguments> everyStatusAndStep() {
        return Arrays.stream(TicketStatus.values())
                .flatMap(status -> Arrays.stream(TicketEventType.values()).map(step -> Arguments.of(status, step)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndStep")
    void followsTheTable(TicketStatus current, TicketEventType step) {
        Optional<TicketStatus> expected = Optional.ofNullable(LEGAL.get(current).get(step));

        assertThat(TicketLifecycle.next(current, step)).isEqualTo(expected);
        assertThat(TicketLifecycle.allows(current, step)).isEqualTo(expected.isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void terminalStatusesAllowNothingAndOthersAllowSupervision(TicketStatus status) {
        boolean anyStep =
                Arrays.stream(TicketEventType.values()).anyMatch(step -> TicketLifecycle.allows(status, step));

        assertThat(anyStep).isEqualTo(!status.isTerminal());
        assertThat(TicketLifecycle.allows(status, SUPERVISED)).isEqualTo(!status.isTerminal());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void nothingLeadsBackToReported(TicketStatus status) {
        assertThat(TicketLifecycle.next(status, TicketEventType.REPORTED)).isEmpty();
    }

    static Stream<TicketStatus> statuses() {
        return Arrays.stream(TicketStatus.values());
    }
}
