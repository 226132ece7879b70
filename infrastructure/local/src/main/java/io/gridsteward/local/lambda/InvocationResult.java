package io.gridsteward.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What became of one invocation, as Lambda's Invoke API would tell it. */
public sealed interface InvocationResult {

    /** The handler returned; {@code payload} is what it wrote. */
    record Success(byte[] payload) implements InvocationResult {}

    /** The handler threw, failed to initialise, or its runtime died; {@code payload} is Lambda's error JSON. */
    record FunctionError(String errorType, byte[] payload) implements InvocationResult {
        public static FunctionError of(String errorType, String message) {
            String json =
                    "{\"errorType\":\"" + errorType + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}";
            return new FunctionError(errorType, json.getBytes(StandardCharsets.UTF_8));
        }

        public String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** No answer before the function's timeout. */
    record Timeout(Duration after) implements InvocationResult {}
}
