package dev.posture.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A line on standard error saying that a command is still at work (reading a large snapshot,
 * scoring it) and for how long: only on a terminal, and only once the work has taken a second.
 * The first thing the command prints, on either stream, erases it for good.
 */
class Progress {
  /** Nothing shown: not on a terminal. */
  static final Progress NONE = new Progress(null, () -> 0, false) {
    @Override
    void start(String label) {}

    @Override
    PrintWriter guard(PrintWriter out) {
      return out;
    }
  };

  private static final long DELAY_MS = 1000;
  private static final long EVERY_MS = 100;

  private final PrintWriter err;
  private final LongSupplier nanos;
  /** Whether a timer ticks; without one (in tests), whoever calls {@link #tick} does. */
  private final boolean timed;
  private String label = "";
  private long start;
  private ScheduledExecutorService timer;
  private int shown;
  private boolean stopped;

  Progress(PrintWriter err, LongSupplier nanos, boolean timed) {
    this.err = err;
    this.nanos = nanos;
    this.timed = timed;
  }

  /** The progress line for a command in a terminal, writing its talk to {@code err}. */
  static Progress timed(PrintWriter err) {
    return new Progress(err, System::nanoTime, true);
  }

  /** Starts the clock for {@code label}, e.g. {@code posture assess}; the line shows up a second later. */
  void start(String label) {
    synchronized (this) {
      this.label = label;
      this.start = nanos.getAsLong();
    }
    if (!timed) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "posture-progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::tick, DELAY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
  }

  /** Rewrites the line with the time taken so far. */
  synchronized void tick() {
    if (stopped) {
      return;
    }
    String line = String.format(Locale.ROOT, "%s: working… %.1fs", label, (nanos.getAsLong() - start) / 1e9);
    err.print("\r" + line);
    err.flush();
    shown = line.length();
  }

  /** Erases the line, for good; safe to call more than once. */
  synchronized void stop() {
    stopped = true;
    if (timer != null) {
      timer.shutdownNow();
    }
    if (shown > 0) {
      err.print("\r" + " ".repeat(shown) + "\r");
      err.flush();
      shown = 0;
    }
  }

  /** {@code out}, erasing the progress line before the first character it prints. */
  PrintWriter guard(PrintWriter out) {
    return new PrintWriter(new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) {
        stop();
        out.write(chars, offset, length);
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    });
  }
}
