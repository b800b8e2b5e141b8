package dev.posture.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collection.json} as it is written: what the reader reads back, and only the fields a record has. */
class CollectionWriterTest {
  @TempDir Path dir;

  private static String written(CollectionRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CollectionWriter().write(record, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void whatIsWrittenReadsBackTheSame() throws IOException {
    Path tailspin = Path.of("src/test/resources/tenant/tailspin/collection.json");
    CollectionRecord read = new CollectionReader().read(tailspin);

    Path copy = Files.writeString(dir.resolve("collection.json"), written(read));

    assertThat(new CollectionReader().read(copy)).usingRecursiveComparison().ignoringFields("file").isEqualTo(read);
  }

  @Test
  void anImportRecordsNoTimesItDoesNotKnowAndNoRequests() throws IOException {
    CollectionRecord record = new CollectionRecord("collection.json", "posture 0.2.0", "ScubaGear 0.3.0 ProviderSettingsExport",
        Optional.of("1daa4fd5-b537-46b2-b92b-556628c922ed"), Optional.empty(), "", "", List.of(
            CollectionRecord.Section.collected("conditionalAccessPolicies", Optional.of(22L)),
            CollectionRecord.Section.collected("authorizationPolicy", Optional.empty()),
            CollectionRecord.Section.notCollected("users", "not in any ScubaGear export")));

    assertThat(written(record)).isEqualTo("""
        {
          "schemaVersion" : 1,
          "tool" : "posture 0.2.0",
          "source" : "ScubaGear 0.3.0 ProviderSettingsExport",
          "tenantId" : "1daa4fd5-b537-46b2-b92b-556628c922ed",
          "sections" : [ {
            "name" : "conditionalAccessPolicies",
            "collected" : true,
            "count" : 22
          }, {
            "name" : "authorizationPolicy",
            "collected" : true
          }, {
            "name" : "users",
            "collected" : false,
            "reason" : "not in any ScubaGear export"
          } ]
        }
        """);
  }
}
