package io.gridsteward.lakemaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theBarIsRedrawnInPlaceOnlyWhenThePercentageMoves() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ProgressBar bar =
                new ProgressBar(new PrintStream(output, true, StandardCharsets.UTF_8), "writing", 400, "days");

        for (int step = 0; step < 400; step++) {
            bar.advance(1);
        }
        bar.finish();

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(text.split("\r", -1)).hasSize(102);
        assertThat(text)
                .contains("\rwriting [###############...............]  50%  200/400 days")
                .endsWith("\rwriting [##############################] 100%  400/400 days" + System.lineSeparator());
    }
}
