package dev.posture.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a TENANT argument (and --graph, --state) finds the tenant's files. */
class TenantFolderTest {
  @TempDir Path dir;

  private static TenantFolder resolve(Path argument, Path... graph) {
    return TenantFolder.resolve(Optional.of(argument.toString()), List.of(graph), Optional.empty());
  }

  @Test
  void aFolderWithEverything() throws Exception {
    Files.writeString(dir.resolve("snapshot.json"), "{}");
    Files.createDirectory(dir.resolve("secure-score"));
    Files.writeString(dir.resolve("collection.json"), "{}");

    TenantFolder folder = resolve(dir);

    assertThat(folder.snapshot().orElseThrow().snapshot()).contains(dir.resolve("snapshot.json"));
    assertThat(folder.secureScore()).containsExactly(dir.resolve("secure-score"));
    assertThat(folder.collection()).contains(dir.resolve("collection.json"));
    assertThat(folder.state()).isEqualTo(dir.resolve("posture-state.yaml"));
    assertThat(folder.snapshot().orElseThrow().state()).isEqualTo(folder.state());
  }

  @Test
  void aFolderWithOnlyMicrosoftsData() throws Exception {
    Files.createDirectory(dir.resolve("secure-score"));

    TenantFolder folder = resolve(dir);

    assertThat(folder.hasSnapshot()).isFalse();
    assertThat(folder.hasSecureScore()).isTrue();
    assertThat(folder.collection()).isEmpty();
    assertThat(folder.state()).isEqualTo(dir.resolve("posture-state.yaml"));
  }

  @Test
  void aFolderWithOnlyASnapshotInYaml() throws Exception {
    Files.writeString(dir.resolve("snapshot.yaml"), "tenant: {}");

    TenantFolder folder = resolve(dir);

    assertThat(folder.snapshot().orElseThrow().snapshot()).contains(dir.resolve("snapshot.yaml"));
    assertThat(folder.hasSecureScore()).isFalse();
  }

  @Test
  void graphNamesExportsKeptElsewhere_insteadOfTheFoldersOwn() throws Exception {
    Files.writeString(dir.resolve("snapshot.json"), "{}");
    Files.createDirectory(dir.resolve("secure-score"));
    Path elsewhere = Files.createDirectory(dir.resolve("exports"));

    assertThat(resolve(dir, elsewhere).secureScore()).containsExactly(elsewhere);
  }

  @Test
  void aSnapshotFileWithExportsElsewhere_itsStateBesideIt() throws Exception {
    Path snapshot = Files.writeString(dir.resolve("tenant.json"), "{}");
    Path exports = Files.createDirectory(dir.resolve("exports"));
    Files.writeString(dir.resolve("collection.json"), "{}");

    TenantFolder folder = resolve(snapshot, exports);

    assertThat(folder.snapshot().orElseThrow().snapshot()).contains(snapshot);
    assertThat(folder.secureScore()).containsExactly(exports);
    assertThat(folder.collection()).isEmpty();
    assertThat(folder.state()).isEqualTo(dir.resolve("posture-state.yaml"));
  }

  @Test
  void standardInput() {
    TenantFolder folder = TenantFolder.resolve(Optional.of("-"), List.of(), Optional.of(dir.resolve("state.yaml")));

    assertThat(folder.snapshot().orElseThrow().snapshot()).isEmpty();
    assertThat(folder.state()).isEqualTo(dir.resolve("state.yaml"));
    assertThat(folder.name()).isEqualTo("-");
  }

  @Test
  void onlyGraphExports_theStateFileInTheWorkingFolderUnlessNamed() {
    TenantFolder folder = TenantFolder.resolve(Optional.empty(), List.of(dir), Optional.empty());

    assertThat(folder.hasSnapshot()).isFalse();
    assertThat(folder.secureScore()).containsExactly(dir);
    assertThat(folder.state()).isEqualTo(Path.of("posture-state.yaml"));
    assertThat(TenantFolder.resolve(Optional.empty(), List.of(dir), Optional.of(dir.resolve("s.yaml"))).state())
        .isEqualTo(dir.resolve("s.yaml"));
  }

  @Test
  void aFolderWithNeitherSnapshotNorSecureScoreIsInvalidInput() throws Exception {
    Files.writeString(dir.resolve("collection.json"), "{}");

    assertThatThrownBy(() -> resolve(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(dir + ": the folder holds neither snapshot.json (or .yaml) nor secure-score/; expected a tenant folder, "
            + "a snapshot file, or --graph with Microsoft's Secure Score exports");
  }

  @Test
  void aMissingPathIsInvalidInput() {
    assertThatThrownBy(() -> resolve(dir.resolve("nowhere")))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("nowhere") + ": no such snapshot file or tenant folder");
  }

  @Test
  void nothingAtAllIsTheCallersUsageError() {
    assertThatThrownBy(() -> TenantFolder.resolve(Optional.empty(), List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
