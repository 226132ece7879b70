package io.gridsteward.lakemaintenance;

import java.io.PrintStream;
import java.util.Objects;

/**
 * A one-line console progress bar, redrawn in place ({@code \r}) when the shown percentage moves:
 * {@code backfill 2026-11-01..2026-11-30 [##########..........]  50%  15/30 days}.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream console;
    private final String label;
    private final long total;
    private final String unit;
    private long done;
    private int shownPercent = -1;

    ProgressBar(PrintStream console, String label, long total, String unit) {
        this.console = Objects.requireNonNull(console, "console");
        this.label = label;
        this.total = Math.max(total, 0);
        this.unit = unit;
        draw();
    }

    void advance(long steps) {
        done = Math.min(total, done + steps);
        draw();
    }

    void finish() {
        done = total;
        draw();
        console.println();
    }

    private void draw() {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        console.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%", percent) + "  " + done + "/" + total + " " + unit);
        console.flush();
    }
}
