package io.gridsteward.local.invoker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LambdaInvokerErrorTest {

    @Test
    void anExceptionBecomesLambdasErrorDocumentWithItsTextEscaped() {
        String json = new String(
                LambdaInvoker.errorJson(new IllegalArgumentException("bad \"quote\"\nline\u0001")),
                StandardCharsets.UTF_8);

        assertThat(json)
                .startsWith(
                        "{\"errorMessage\":\"bad \\\"quote\\\"\\nline\\u0001\",\"errorType\":\"java.lang.IllegalArgumentException\","
                                + "\"stackTrace\":[\"io.gridsteward.local.invoker.LambdaInvokerErrorTest.");
        assertThat(json).endsWith("]}");
    }
}
