package io.gridsteward.local.lambda;

import java.util.concurrent.CompletableFuture;

/** Invokes one function with a raw event, the way Lambda's Invoke API does (synchronous, RequestResponse). */
@FunctionalInterface
public interface FunctionInvoker {
    CompletableFuture<InvocationResult> invoke(byte[] event);
}
