package dev.posture.cli;

import dev.posture.scoring.Assessment;
import dev.posture.scoring.Baseline;
import dev.posture.scoring.GoalProgress;
import dev.posture.scoring.View;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * What an assessment remembers of earlier runs: nothing, or a history store ({@link StoredRuns}). An
 * interface of its own so that an assessment without a store loads none of the store's classes.
 */
interface RunMemory extends AutoCloseable {
  /** No store: nothing to compare with, nothing recorded. */
  RunMemory NONE = new RunMemory() {
    @Override
    public Optional<String> history() {
      return Optional.empty();
    }

    @Override
    public Optional<Baseline> last(String tenantId) {
      return Optional.empty();
    }

    @Override
    public List<GoalProgress.Point> trend(String tenantId, View view) {
      return List.of();
    }

    @Override
    public void record(Assessment assessment, PrintWriter err) {}

    @Override
    public void close() {}
  };

  /** The store when one is named or recording is asked for; else none, and none of the store's classes load. */
  static RunMemory of(StoreOption option, boolean record, Invocation invocation) {
    return record || option.named() ? new StoredRuns(option, invocation, record) : NONE;
  }

  /** What a regression is told against without a baseline file, for the gate's message. */
  Optional<String> history();

  /** The tenant's last stored run as a baseline, when there is one. */
  Optional<Baseline> last(String tenantId);

  /** The view's overall percentage in the tenant's stored runs, oldest first. */
  List<GoalProgress.Point> trend(String tenantId, View view);

  /** Stores the assessment when recording was asked for; a store that failed earlier fails here, after the report. */
  void record(Assessment assessment, PrintWriter err);

  @Override
  void close();
}
