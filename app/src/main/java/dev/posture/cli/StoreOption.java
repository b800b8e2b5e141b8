package dev.posture.cli;

import picocli.CommandLine.Option;

/**
 * The history store a command reads or records into: {@code --store}, else {@code POSTURE_STORE} or
 * {@code store:} in posture.yaml, else the SQLite file in the user's data folder. Only the text is kept
 * here, so a command that is given no store loads none of the store's classes.
 */
final class StoreOption {
  @Option(names = "--store", paramLabel = "URL",
      description = "The history store: an SQLite file, jdbc:postgresql://... or postgresql://... (default: POSTURE_STORE, "
          + "else $XDG_DATA_HOME/posture/history.db). Credentials come from the URL, PGUSER/PGPASSWORD or a pgpass file.")
  String store;

  /** Whether a store was named at all (on the command line, in the environment or in posture.yaml). */
  boolean named() {
    return store != null && !store.isBlank();
  }
}
