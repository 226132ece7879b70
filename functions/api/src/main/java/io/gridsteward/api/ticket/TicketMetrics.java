package io.gridsteward.api.ticket;

import io.gridsteward.api.core.EmbeddedMetrics;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketStatus;
import io.gridsteward.store.ticket.WriteOutcome;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What intake and the ticket steps count, in CloudWatch namespace {@value #NAMESPACE}: {@code TicketsReported} and
 * {@code AutoDispatched} by channel, {@code TicketSteps} by step, and {@code IdempotentReplays} by operation (a retry
 * answered from its first request, which wrote nothing). Only what was committed is counted; refusals are in the
 * request log. The ticket's id rides along as a property, for Logs Insights.
 */
@Singleton
public class TicketMetrics {

    static final String NAMESPACE = "GridSteward/Tickets";

    private final EmbeddedMetrics metrics;

    public TicketMetrics(Clock clock) {
        this.metrics = EmbeddedMetrics.toStandardOutput(NAMESPACE, "api", clock);
    }

    void reported(WriteOutcome outcome) {
        Ticket ticket = outcome.history().ticket();
        if (outcome.replayed()) {
            replayed(TicketEventType.REPORTED, ticket);
            return;
        }
        boolean dispatchedOnIntake = ticket.status() == TicketStatus.DISPATCHED;
        metrics.put(
                Map.of("channel", ticket.channel().name()),
                Map.of("ticketId", ticket.id().value()),
                List.of(
                        EmbeddedMetrics.Metric.count("TicketsReported", 1),
                        EmbeddedMetrics.Metric.count("AutoDispatched", dispatchedOnIntake ? 1 : 0)));
    }

    void stepTaken(TicketEventType step, WriteOutcome outcome) {
        Ticket ticket = outcome.history().ticket();
        if (outcome.replayed()) {
            replayed(step, ticket);
            return;
        }
        metrics.put(
                Map.of("step", step.name()),
                Map.of("ticketId", ticket.id().value()),
                List.of(EmbeddedMetrics.Metric.count("TicketSteps", 1)));
    }

    private void replayed(TicketEventType operation, Ticket ticket) {
        metrics.put(
                Map.of("operation", operation.name()),
                Map.of("ticketId", ticket.id().value()),
                List.of(EmbeddedMetrics.Metric.count("IdempotentReplays", 1)));
    }
}
