package dev.posture.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.catalog.Status;
import dev.posture.input.InputException;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.Snapshot;
import dev.posture.state.State;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code snapshot validate} says of a valid snapshot that leaves actions unassessed. */
class SnapshotCompletenessTest {
  private static final Catalog CATALOG = new CatalogLoader().load(Path.of("src/test/resources/tenant/catalogue/checks.yaml"));
  private static final Path TAILSPIN = Path.of("src/test/resources/tenant/tailspin");

  @TempDir Path dir;

  private static Snapshot load(Path folder) {
    TenantFolder tenant = TenantFolder.resolve(Optional.of(folder.toString()), List.of(), Optional.empty());
    return new TenantLoader().load(tenant, InputStream.nullInputStream()).snapshot().orElseThrow();
  }

  private Path tenantOnly() throws Exception {
    Files.writeString(dir.resolve("snapshot.json"), "{\"tenant\": {\"id\": \"x\", \"displayName\": \"Mine\"}}");
    return dir;
  }

  @Test
  void aSectionNotCollectedLeavesItsActionsUnassessed() {
    SnapshotCompleteness c = SnapshotCompleteness.of(CATALOG, load(TAILSPIN));

    assertThat(c.complete()).isFalse();
    assertThat(c.absent()).containsExactly(new SnapshotCompleteness.Absent("mailboxes",
        Optional.of("Exchange Online answered 403 Forbidden: the app lacks Exchange.ManageAsApp"), List.of("exo_mailboxaudit")));
    assertThat(c.notAssessed()).isEqualTo(1);
    assertThat(c.microsoftOnly()).isEqualTo(1);
  }

  @Test
  void aSnapshotWithOnlyItsTenantLeavesEveryCheckUnassessed() throws Exception {
    SnapshotCompleteness c = SnapshotCompleteness.of(CATALOG, load(tenantOnly()));

    assertThat(c.absent()).extracting(SnapshotCompleteness.Absent::section, SnapshotCompleteness.Absent::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("adminAuditLogConfig", "absent"),
            org.assertj.core.groups.Tuple.tuple("authorizationPolicy", "absent"),
            org.assertj.core.groups.Tuple.tuple("devices", "absent"),
            org.assertj.core.groups.Tuple.tuple("mailboxes", "absent"),
            org.assertj.core.groups.Tuple.tuple("users", "absent"));
    assertThat(c.absent().get(4).actions()).containsExactly("AdminMFAV2", "MFARegistrationV2");
    assertThat(c.notAssessed()).isEqualTo(6);
  }

  @Test
  void strictMakesAbsenceAnError_oneLineNamingEverySection() {
    SnapshotCompleteness c = SnapshotCompleteness.of(CATALOG, load(TAILSPIN));

    assertThatThrownBy(c::requireComplete)
        .isInstanceOf(InputException.class)
        .hasMessage(TAILSPIN.resolve("snapshot.json") + ": 1 action not assessed for want of a section the catalogue reads: "
            + "mailboxes (not collected: Exchange Online answered 403 Forbidden: the app lacks Exchange.ManageAsApp, 1 action)");
  }

  @Test
  void aCompleteSnapshotPassesStrict() throws Exception {
    Files.copy(TAILSPIN.resolve("snapshot.json"), dir.resolve("snapshot.json"));
    Files.writeString(dir.resolve("snapshot.json"),
        Files.readString(dir.resolve("snapshot.json")).replaceFirst("\"users\"", "\"mailboxes\": [],\n  \"users\""));

    SnapshotCompleteness c = SnapshotCompleteness.of(CATALOG, load(dir));

    assertThat(c.complete()).isTrue();
    c.requireComplete();
  }

  @Test
  void theBundledCatalogueOnASnapshotWithOnlyItsTenant_nothingIsAnErrorAndNothingUnseenIsDone() throws Exception {
    Catalog bundled = new CatalogLoader().load(Path.of("../catalog"));
    Snapshot snapshot = load(tenantOnly());

    Assessment a = new ScoringEngine().assess(bundled, snapshot, State.EMPTY, Map.of());
    SnapshotCompleteness c = SnapshotCompleteness.of(bundled, snapshot);

    assertThat(a.actions()).extracting(ActionResult::status).doesNotContain(Status.ERROR);
    assertThat(a.actions()).filteredOn(r -> r.status() == Status.COMPLETED)
        .allSatisfy(r -> assertThat(r.action().check().sections()).allMatch(s -> snapshot.notSeen(s).isEmpty()));
    assertThat(c.notAssessed()).isEqualTo(a.actions().stream().filter(r -> r.status() == Status.NOT_ASSESSED).count() - c.microsoftOnly());
    assertThat(c.notAssessed()).isPositive();
  }
}
