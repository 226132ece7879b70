package io.gridsteward.local.lambda;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The invocations of one function that no runtime has taken yet, shared by all its instances: whichever instance
 * asks for work first takes the oldest, so a request that arrives while a new instance starts is served by the first
 * instance to become free, not by the one still starting.
 */
public final class InvocationQueue {
    /** Bounds the wait for a runtime, which may still be initialising; the function's own timeout runs from hand-over. */
    private static final Duration QUEUE_LIMIT = Duration.ofMinutes(3);

    /** One invocation: its id, event, when it was queued, and the result its caller waits for. */
    public record Pending(
            String requestId, byte[] event, long enqueuedNanos, CompletableFuture<InvocationResult> result) {}

    private final BlockingDeque<Pending> waiting = new LinkedBlockingDeque<>();

    public Pending add(byte[] event) {
        Pending pending =
                new Pending(UUID.randomUUID().toString(), event, System.nanoTime(), new CompletableFuture<>());
        pending.result()
                .completeOnTimeout(
                        new InvocationResult.Timeout(QUEUE_LIMIT), QUEUE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        waiting.add(pending);
        return pending;
    }

    /** The oldest invocation that nobody has given up on yet; empty once {@code stopped} says so. */
    Optional<Pending> take(BooleanSupplier stopped) {
        try {
            while (!stopped.getAsBoolean()) {
                Pending pending = waiting.poll(500, TimeUnit.MILLISECONDS);
                if (pending != null && !pending.result().isDone()) {
                    return Optional.of(pending);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Gives back an invocation taken by a runtime that went away before it got the event: first in line again. */
    void putBack(Pending pending) {
        waiting.addFirst(pending);
    }

    /** How many invocations wait for a runtime. */
    public int waiting() {
        return waiting.size();
    }

    /** Completes every waiting invocation with {@code result}: an init error, or the stack stopping. */
    void failAll(InvocationResult result) {
        for (Pending pending = waiting.poll(); pending != null; pending = waiting.poll()) {
            pending.result().complete(result);
        }
    }
}
