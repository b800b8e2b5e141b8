package dev.posture.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.posture.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collection.json}: what was collected and what was not, and a clear line when it is broken. */
class CollectionReaderTest {
  private static final Path TAILSPIN = Path.of("src/test/resources/tenant/tailspin/collection.json");

  @TempDir Path dir;
  private final CollectionReader reader = new CollectionReader();

  private InputException failure(String json) throws Exception {
    Path file = Files.writeString(dir.resolve("collection.json"), json);
    return (InputException) org.assertj.core.api.Assertions.catchThrowable(() -> reader.read(file));
  }

  @Test
  void whatWasCollectedAndWhatWasNot() {
    CollectionRecord record = reader.read(TAILSPIN);

    assertThat(record.source()).isEqualTo("posture collect");
    assertThat(record.tool()).isEqualTo("posture 0.2.0");
    assertThat(record.tenantId()).contains("5e1d2c3b-7a8f-4b6c-9d0e-1f2a3b4c5d6e");
    assertThat(record.sections()).extracting(CollectionRecord.Section::name)
        .containsExactly("users", "devices", "mailboxes", "secureScores", "secureScoreControlProfiles");
    assertThat(record.sections().get(0).count()).contains(6L);
    assertThat(record.notCollected())
        .containsExactly(Map.entry("mailboxes", "Exchange Online answered 403 Forbidden: the app lacks Exchange.ManageAsApp"));
    assertThat(record.secureScoreNotCollected()).isEmpty();
  }

  @Test
  void microsoftsDataNotCollectedIsNoSnapshotSection() throws Exception {
    Path file = Files.writeString(dir.resolve("collection.json"), """
        {"schemaVersion": 1, "sections": [
          {"name": "secureScores", "collected": false, "reason": "the app lacks SecurityEvents.Read.All"},
          {"name": "users", "collected": false}]}
        """);

    CollectionRecord record = reader.read(file);

    assertThat(record.notCollected()).containsExactly(Map.entry("users", "collection.json gives no reason"));
    assertThat(record.secureScoreNotCollected()).contains("secureScores was not collected: the app lacks SecurityEvents.Read.All");
    assertThat(record.tenantId()).isEqualTo(Optional.empty());
  }

  @Test
  void fieldsItDoesNotKnowAreIgnored_withinItsVersion() throws Exception {
    Path file = Files.writeString(dir.resolve("collection.json"), """
        {"schemaVersion": 1, "region": "EU", "sections": [{"name": "users", "collected": true, "throttled": 2}]}
        """);

    assertThat(reader.read(file).sections()).hasSize(1);
  }

  @Test
  void anotherSchemaVersion() throws Exception {
    assertThat(failure("{\n  \"schemaVersion\": 2,\n  \"sections\": []\n}\n"))
        .hasMessage(dir.resolve("collection.json") + ":2: $.schemaVersion: expected schema version 1, found 2");
  }

  @Test
  void aSectionWithoutCollected() throws Exception {
    assertThat(failure("{\"schemaVersion\": 1,\n \"sections\": [\n  {\"name\": \"users\", \"colected\": true}]}"))
        .hasMessage(dir.resolve("collection.json") + ":3: $.sections[0]: missing required field 'collected'");
  }

  @Test
  void aCountThatIsNotAWholeNumber() throws Exception {
    assertThat(failure("{\"schemaVersion\": 1, \"sections\": [{\"name\": \"users\", \"collected\": true, \"count\": -1}]}"))
        .hasMessage(dir.resolve("collection.json") + ":1: $.sections[0].count: expected a whole number of elements or pages, found -1");
  }

  @Test
  void aSectionRecordedTwice() throws Exception {
    assertThat(failure("{\"schemaVersion\": 1, \"sections\": [\n{\"name\": \"users\", \"collected\": true},\n"
        + "{\"name\": \"users\", \"collected\": false}]}"))
        .hasMessage(dir.resolve("collection.json") + ":3: $.sections[1].name: the section 'users' is recorded twice");
  }

  @Test
  void notAMapping() throws Exception {
    assertThat(failure("[]")).hasMessageStartingWith(dir.resolve("collection.json") + ":1: $: expected a mapping");
  }

  @Test
  void notJson() throws Exception {
    assertThat(failure("{\"schemaVersion\": 1,}")).hasMessageStartingWith(dir.resolve("collection.json") + ":1: not valid JSON");
  }
}
