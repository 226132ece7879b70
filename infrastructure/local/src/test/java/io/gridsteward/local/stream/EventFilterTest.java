package io.gridsteward.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private final EventFilter ticketEventInserts = EventFilter.of(List.of(
            "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"entity\": {\"S\": [\"TicketEvent\"]}}}}"));

    @Test
    void matchesOnNestedExactValues() {
        assertThat(ticketEventInserts.accepts(
                        StreamFixtures.record("shard", "1", "TicketEvent").json()))
                .isTrue();
        assertThat(ticketEventInserts.accepts(
                        StreamFixtures.record("shard", "1", "Ticket").json()))
                .isFalse();
    }

    @Test
    void aMissingFieldDoesNotMatch() {
        var modify = StreamFixtures.record("shard", "1", "TicketEvent").json().put("eventName", "MODIFY");
        var withoutImage = StreamFixtures.record("shard", "1", "TicketEvent").json();
        withoutImage.withObject("dynamodb").remove("NewImage");

        assertThat(ticketEventInserts.accepts(modify)).isFalse();
        assertThat(ticketEventInserts.accepts(withoutImage)).isFalse();
    }

    @Test
    void noPatternsAcceptEverything() {
        assertThat(EventFilter.acceptingEverything()
                        .accepts(StreamFixtures.record("shard", "1", "Ticket").json()))
                .isTrue();
    }
}
