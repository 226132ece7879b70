package io.gridsteward.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A RequestStreamHandler-shaped function with no AWS dependency: echoes, fails or exits on request, or holds its
 * instance for a while ({@code "hold 200"}) and says which JVM answered.
 */
public class EchoHandler {

    public void handleRequest(InputStream input, OutputStream output, TestContext context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        switch (event) {
            case "fail" -> throw new IllegalStateException("asked to fail");
            case "exit" -> System.exit(3);
            case String hold
            when hold.startsWith("hold ") -> {
                try {
                    Thread.sleep(Long.parseLong(hold.substring("hold ".length())));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                output.write(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                String answer = "{\"echo\":" + event + ",\"requestId\":\"" + context.getAwsRequestId()
                        + "\",\"function\":\"" + context.getFunctionName() + "\",\"remainingPositive\":"
                        + (context.getRemainingTimeInMillis() > 0) + ",\"table\":\"" + System.getenv("TABLE_NAME")
                        + "\"}";
                output.write(answer.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
