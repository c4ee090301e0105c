package dev.larder.example.service;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal, redrawn in place with a carriage return:
 * {@code seeding   [##########----------]  52 %  52000/100000}. Redraws at most once per
 * percent, so calling {@link #update} often costs nothing.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final long total;
  private int shownPercent = -1;

  /**
   * Creates a bar; nothing is printed until the first {@link #update}.
   *
   * @param out where to draw it
   * @param label what is in progress
   * @param total the amount that makes 100 %
   */
  public ProgressBar(PrintStream out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
  }

  /** Shows {@code done} of the total, with an optional note after the numbers. */
  public synchronized void update(long done, String note) {
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == shownPercent && note == null) {
      return;
    }
    shownPercent = percent;
    int filled = percent * WIDTH / 100;
    out.printf(Locale.ROOT, "\r%-12s [%s%s] %3d %%  %d/%d%s", label, "#".repeat(filled),
        "-".repeat(WIDTH - filled), percent, Math.min(done, total), total, note == null ? "" : "  " + note);
    out.flush();
  }

  /** Shows 100 % and ends the line. */
  public synchronized void finish(String note) {
    shownPercent = -1;
    update(total, note);
    out.println();
  }
}
