package dev.posture.catalog;

import java.util.concurrent.locks.LockSupport;

/**
 * A clock read at the cost of a memory load, for timing checks evaluated millions of times a run
 * (reading the system clock around each evaluation would cost more than the evaluation). A daemon
 * thread, started by the first reading, sets it every few milliseconds. An evaluation shorter than
 * a tick mostly reads no time passing and now and then a whole tick, so the time summed over many
 * evaluations is right on average, and a long one is timed to a tick.
 */
final class CoarseClock {
  private static final long TICK_NANOS = 2_000_000;
  private static volatile long now = System.nanoTime();
  private static volatile boolean ticking;

  private CoarseClock() {}

  /** Nanoseconds, as {@link System#nanoTime()} was at the latest tick. */
  static long now() {
    if (!ticking) {
      start();
    }
    return now;
  }

  private static synchronized void start() {
    if (ticking) {
      return;
    }
    Thread ticker = new Thread(() -> {
      while (true) {
        LockSupport.parkNanos(TICK_NANOS);
        now = System.nanoTime();
      }
    }, "posture-check-clock");
    ticker.setDaemon(true);
    ticker.start();
    now = System.nanoTime();
    ticking = true;
  }
}
