package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JSON report's schema, {@code catalog/schema/report.schema.json}, that every JSON output must pass. */
final class ReportSchema {
  private static final Schema SCHEMA = load();

  private ReportSchema() {}

  /** Fails listing every violation when {@code json} does not conform. */
  static void assertValid(String json) {
    List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
    assertThat(errors).as("schema violations of\n%s", json).isEmpty();
  }

  private static Schema load() {
    try {
      String text = Files.readString(Path.of("../catalog/schema/report.schema.json"));
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
