package dev.posture.tenant;

import dev.posture.input.InputException;
import dev.posture.snapshot.SnapshotLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a tenant's files are, as {@code docs/tenant-folder.md} lays them out: the snapshot, Microsoft's
 * Secure Score data, {@code collection.json} and the state file. Any of the first two may be missing,
 * not both.
 *
 * @param name the tenant as the user named it, for messages
 * @param snapshot the snapshot file, or standard input; empty when there is none
 * @param secureScore Microsoft's Secure Score data: files, or folders of {@code *.json}; empty when there is none
 * @param collection {@code collection.json}, when the folder has one
 * @param state where the state file is, or would be written
 */
public record TenantFolder(String name, Optional<SnapshotLocation> snapshot, List<Path> secureScore, Optional<Path> collection,
    Path state) {
  public static final String SECURE_SCORE = "secure-score";
  public static final String COLLECTION = "collection.json";
  /** The snapshot a collection or an import writes. */
  public static final String SNAPSHOT = "snapshot.json";

  /**
   * @param argument a tenant folder, a snapshot file, or {@code -} for standard input; empty when
   *     {@code graph} alone names the tenant
   * @param graph Microsoft's Secure Score exports kept elsewhere ({@code --graph}), read instead of the
   *     folder's {@code secure-score/}
   * @param state the state file, instead of {@code posture-state.yaml} in the folder (or beside the
   *     snapshot file, or in the working folder)
   * @throws IllegalArgumentException when neither an argument nor {@code graph} is given: a usage error
   *     for the caller to report
   */
  public static TenantFolder resolve(Optional<String> argument, List<Path> graph, Optional<Path> state) {
    if (argument.isEmpty()) {
      if (graph.isEmpty()) {
        throw new IllegalArgumentException("a tenant needs a folder, a snapshot file, - or Microsoft's Secure Score exports");
      }
      Path stateFile = state.orElse(Path.of(SnapshotLocation.STATE_FILE));
      return new TenantFolder(String.join(", ", graph.stream().map(Path::toString).toList()), Optional.empty(), List.copyOf(graph),
          Optional.empty(), stateFile);
    }
    String name = argument.get();
    if (name.equals("-") || !Files.isDirectory(Path.of(name))) {
      SnapshotLocation snapshot = SnapshotLocation.resolve(name, state);
      return new TenantFolder(name, Optional.of(snapshot), List.copyOf(graph), Optional.empty(), snapshot.state());
    }
    Path folder = Path.of(name);
    Path stateFile = state.orElse(folder.resolve(SnapshotLocation.STATE_FILE));
    Optional<SnapshotLocation> snapshot = SnapshotLocation.in(folder).map(file -> new SnapshotLocation(Optional.of(file), stateFile));
    List<Path> secureScore = !graph.isEmpty() ? List.copyOf(graph)
        : Files.isDirectory(folder.resolve(SECURE_SCORE)) ? List.of(folder.resolve(SECURE_SCORE)) : List.of();
    if (snapshot.isEmpty() && secureScore.isEmpty()) {
      throw new InputException(name, "the folder holds neither snapshot.json (or .yaml) nor " + SECURE_SCORE
          + "/; expected a tenant folder, a snapshot file, or --graph with Microsoft's Secure Score exports");
    }
    Path collection = folder.resolve(COLLECTION);
    return new TenantFolder(name, snapshot, secureScore, Files.isRegularFile(collection) ? Optional.of(collection) : Optional.empty(),
        stateFile);
  }

  public boolean hasSnapshot() {
    return snapshot.isPresent();
  }

  public boolean hasSecureScore() {
    return !secureScore.isEmpty();
  }
}
