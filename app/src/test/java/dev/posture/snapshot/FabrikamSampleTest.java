package dev.posture.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FabrikamSampleTest {
  @Test
  void theCommittedSampleIsWhatTheGeneratorWrites() throws Exception {
    StringWriter generated = new StringWriter();
    FabrikamSample.write(generated);

    assertThat(Files.readString(Path.of("../samples/fabrikam/snapshot.json")))
        .as("samples/fabrikam/snapshot.json is written by FabrikamSample; see its comment for how to write it again")
        .isEqualTo(generated.toString());
  }
}
