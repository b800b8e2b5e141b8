package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The samples recorded as a fleet (their snapshots and Secure Score together): Contoso 54.76% current,
 * Fabrikam 91.66%, Northwind 38.99%.
 */
class CompareCommandTest {
  private static final String CATALOG = "../catalog";

  @TempDir Path dir;

  private String recordedSamples(String kind) {
    String store = AssessRecordTest.store(kind, dir);
    Cli.run("fleet", "assess", "../samples", "--catalog", CATALOG, "--record", "--store", store).succeeded();
    return store;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void tenantBesideOthersAndTheirAverage(String kind) {
    String store = recordedSamples(kind);

    String out = Cli.run("compare", "Contoso Pharmaceuticals", "--with", "Fabrikam, Inc.", "--with", "Northwind Traders",
        "--store", store).succeeded().out();

    Cli.assertGolden("compare-contoso.txt", out);
  }

  @Test
  void aSavedGroupIsComparedWithByName() {
    String store = recordedSamples("sqlite");
    String named = Cli.run("compare", "Contoso Pharmaceuticals", "--with", "Fabrikam, Inc.", "--with", "Northwind Traders",
        "--save-group", "peers", "--store", store, "--format", "csv").succeeded().out();

    String grouped = Cli.run("compare", "Contoso Pharmaceuticals", "--group", "peers", "--store", store, "--format", "csv")
        .succeeded().out();

    assertThat(grouped).isEqualTo(named);
    assertThat(grouped.lines().skip(1).findFirst().orElseThrow()).startsWith("current,overall,54.76%,91.66%,38.99%,");
  }

  @Test
  void anUnknownGroupIsOneLine() {
    String store = recordedSamples("sqlite");

    Cli.run("compare", "Contoso Pharmaceuticals", "--group", "nobody", "--store", store).exited(ExitCode.INVALID_INPUT)
        .oneLineError().errContains("nobody: no group of this name in " + store);
  }

  @Test
  void withOrGroupIsRequired() {
    Cli.run("compare", "Contoso Pharmaceuticals", "--store", dir.resolve("h.db").toString()).exited(ExitCode.USAGE)
        .errContains("--with TENANT (repeatable) or --group NAME");
  }
}
