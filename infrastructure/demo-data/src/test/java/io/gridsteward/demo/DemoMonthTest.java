package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.ticket.Assignee;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketEvent;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketStatus;
import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.ticket.TicketHistory;
import io.gridsteward.store.ticket.TicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DemoMonthTest {
    private static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    @RegisterExtension
    static final DynamoDbEmulatorExtension DYNAMODB = new DynamoDbEmulatorExtension();

    private final DemoMonth month = new DemoMonth(DemoCounty.load());

    DemoMonthTest() throws Exception {}

    @Test
    void everyLifecycleLiesWithinTheLastMonthWithConsecutiveVersions() {
        Random random = new Random(7);
        List<List<TicketChange>> histories = IntStream.range(0, 300)
                .mapToObj(index -> month.lifecycle(new TicketId("t-" + index), random, NOW))
                .toList();

        assertThat(histories).allSatisfy(history -> {
            assertThat(history.getFirst().event().type()).isEqualTo(TicketEventType.REPORTED);
            assertThat(history)
                    .extracting(change -> change.ticket().version())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, history.size())
                            .mapToObj(Long::valueOf)
                            .toList());
            assertThat(history)
                    .extracting(change -> change.event().occurredAt())
                    .isSorted()
                    .allSatisfy(at -> assertThat(at).isBetween(NOW.minus(Duration.ofDays(31)), NOW));
        });
        List<TicketStatus> finalStatuses = histories.stream()
                .map(history -> history.getLast().ticket().status())
                .toList();
        assertThat(finalStatuses)
                .as("most tickets of the month are done, the latest still open")
                .contains(TicketStatus.EVALUATED)
                .containsAnyOf(
                        TicketStatus.REPORTED,
                        TicketStatus.DISPATCHED,
                        TicketStatus.ESCALATED,
                        TicketStatus.ACCEPTED,
                        TicketStatus.RESOLVED);
        assertThat(histories.stream()
                        .flatMap(List::stream)
                        .map(change -> change.event().type()))
                .contains(TicketEventType.RETURNED, TicketEventType.REOPENED);
        assertThat(histories.stream()
                        .flatMap(List::stream)
                        .map(change -> change.event().assignee())
                        .flatMap(Optional::stream)
                        .map(Assignee::kind))
                .contains(
                        OrganisationKind.GRID,
                        OrganisationKind.COMMUNITY,
                        OrganisationKind.TOWN,
                        OrganisationKind.DEPARTMENT);
        assertThat(histories.stream()
                        .flatMap(List::stream)
                        .map(change -> change.event().assignee())
                        .flatMap(Optional::stream)
                        .filter(assignee -> assignee.kind() == OrganisationKind.DEPARTMENT)
                        .map(assignee -> assignee.id().value()))
                .as("the month dispatches to five departments, the demo officer's urban management bureau among them")
                .contains(
                        "dept-water", "dept-transport", "dept-ecology", "dept-civil-affairs", "dept-urban-management");
        assertThat(histories.stream()
                        .flatMap(List::stream)
                        .map(TicketChange::event)
                        .filter(event -> event.actor().role() == Role.SYSTEM)
                        .map(TicketEvent::type))
                .contains(TicketEventType.ESCALATED, TicketEventType.FLAGGED_OVERDUE);
        assertThat(histories)
                .as("the sweeper has acted on every lateness up to now")
                .allSatisfy(history -> assertThat(history.getLast().ticket().overdueCheckAt())
                        .satisfiesAnyOf(
                                due -> assertThat(due).isEmpty(),
                                due -> assertThat(due.orElseThrow()).isAfter(NOW.minusSeconds(300))));
        assertThat(histories.stream()
                        .flatMap(List::stream)
                        .map(TicketChange::event)
                        .map(TicketEvent::rating)
                        .filter(OptionalInt::isPresent)
                        .map(OptionalInt::getAsInt))
                .isNotEmpty()
                .allSatisfy(rating -> assertThat(rating).isBetween(1, 5));
    }

    @Test
    void theMonthIsWrittenThroughTheStoreAsTheApiWouldWriteIt() throws InterruptedException {
        DYNAMODB.dynamoDbClient().createTable(TableDefinition.createRequest("demo-month"));
        TicketStore store = new TicketStore(
                DYNAMODB.dynamoDbClient(),
                "demo-month",
                Clock.fixed(NOW, ZoneOffset.UTC),
                new PageCursor(PageCursor.LOCAL_KEY));

        int events = month.write(store, NOW, 40, 11);

        List<TicketHistory> stored = IntStream.rangeClosed(1, 40)
                .mapToObj(index -> store.find(new TicketId("demo-month-%04d".formatted(index)))
                        .orElseThrow())
                .toList();
        assertThat(stored.stream().mapToInt(history -> history.events().size()).sum())
                .isEqualTo(events);
        assertThat(stored)
                .allSatisfy(history -> assertThat(history.ticket().version())
                        .isEqualTo(history.events().size()));
    }
}
