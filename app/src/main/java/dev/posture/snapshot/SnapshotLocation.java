package dev.posture.snapshot;

import dev.posture.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a tenant's files are. The argument is a snapshot file, {@code -} for standard input, or a
 * tenant folder holding {@code snapshot.json} (or {@code .yaml}) and perhaps {@code posture-state.yaml}.
 *
 * @param snapshot the snapshot file; empty for standard input
 * @param state where the state file is, or would be written
 */
public record SnapshotLocation(Optional<Path> snapshot, Path state) {
  public static final String STATE_FILE = "posture-state.yaml";
  private static final String[] SNAPSHOT_FILES = {"snapshot.json", "snapshot.yaml", "snapshot.yml"};

  public static SnapshotLocation resolve(String argument, Optional<Path> stateOverride) {
    if (argument.equals("-")) {
      return new SnapshotLocation(Optional.empty(), stateOverride.orElse(Path.of(STATE_FILE)));
    }
    Path path = Path.of(argument);
    if (Files.isDirectory(path)) {
      return in(path)
          .map(file -> new SnapshotLocation(Optional.of(file), stateOverride.orElse(path.resolve(STATE_FILE))))
          .orElseThrow(() -> new InputException(argument,
              "the folder holds no snapshot.json or snapshot.yaml; expected a tenant folder or a snapshot file"));
    }
    if (!Files.exists(path)) {
      throw new InputException(argument, "no such snapshot file or tenant folder");
    }
    return new SnapshotLocation(Optional.of(path), stateOverride.orElse(path.resolveSibling(STATE_FILE)));
  }

  /** The snapshot file of a tenant folder, when it has one. */
  public static Optional<Path> in(Path folder) {
    for (String name : SNAPSHOT_FILES) {
      Path candidate = folder.resolve(name);
      if (Files.exists(candidate) && !Files.isDirectory(candidate)) { // not a regular file: the reader says what it is
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public String describe() {
    return snapshot.map(Path::toString).orElse("<stdin>");
  }
}
