package dev.posture.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An assessment that uses no store loads neither the store nor a JDBC driver. */
class StoreStaysOutOfStartupTest {
  @Test
  void assessLoadsNoStoreClassAndNoDriver() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), "dev.posture.cli.Main",
        "assess", "../samples/contoso", "--format", "json").redirectErrorStream(true).start();
    List<String> loaded = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("[class,load]")).toList();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();

    assertThat(loaded).anyMatch(l -> l.contains(" dev.posture.scoring.ScoringEngine "));
    assertThat(loaded).noneMatch(l -> l.contains(" org.sqlite.") || l.contains(" org.postgresql.")
        || l.contains(" dev.posture.store.") || l.contains(" dev.posture.fleet."));
  }
}
