package io.gridsteward.local.lambda;

/**
 * Where an invocation's time goes on the Lambda side, over every instance of a function: waiting in the queue for a
 * free runtime, the Runtime API's own hand-off (the event out to the runtime, its answer back, and the invoker around
 * the handler), and the handler itself as the invoker measured it.
 */
public record InvocationTimings(
        LatencySamples waitingForRuntime, LatencySamples runtimeApiHandOff, LatencySamples handler) {

    public InvocationTimings() {
        this(new LatencySamples(), new LatencySamples(), new LatencySamples());
    }

    public void clear() {
        waitingForRuntime.clear();
        runtimeApiHandOff.clear();
        handler.clear();
    }
}
