package dev.posture.store;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A separate process recording into a store, for the tests that need real processes:
 * {@code Recorder STORE TENANT COUNT} records COUNT runs; {@code Recorder STORE TENANT hang} stops in
 * the middle of writing a run (after its run and score rows), says so, and waits to be killed.
 */
public final class Recorder {
  private Recorder() {}

  public static void main(String[] args) {
    StoreLocation location = StoreLocation.resolve(Optional.of(args[0]), Map.of());
    try (HistoryStore store = HistoryStore.open(location)) {
      if (args[2].equals("hang")) {
        RunRecord run = Stores.run(args[1], Instant.parse("2026-11-30T10:00:00Z"), 12, 10);
        store.record(new RunRecord(run.tenantId(), run.tenantName(), run.recordedAt(), run.source(), run.scores(),
            new AbstractList<>() {
              @Override
              public RunRecord.ActionOutcome get(int index) {
                if (index == 1) {
                  System.out.println("writing");
                  System.out.flush();
                  sleep();
                }
                return run.actions().get(index);
              }

              @Override
              public int size() {
                return run.actions().size();
              }
            }));
        return;
      }
      int count = Integer.parseInt(args[2]);
      for (int i = 0; i < count; i++) {
        store.record(Stores.run(args[1], Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i * 3600L), i, i % 11));
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(600_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static List<String> command(String store, String tenant, String what) {
    return List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Recorder.class.getName(), store, tenant, what);
  }
}
