package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Runs posture in-process with captured streams. */
final class Cli {
  /** Golden files live here; run with {@code -Dposture.updateGolden=true} to rewrite them. */
  static final Path GOLDEN = Path.of("src/test/resources/expected");
  private static final boolean UPDATE = Boolean.getBoolean("posture.updateGolden");
  /** "Now" for every run, so stamps and review dates do not depend on the day the tests run. */
  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T06:00:00Z"), ZoneOffset.UTC);
  /** The catalogue cache of this test run, in a temporary folder removed when the tests end. */
  private static final Path CACHE = temporaryCache();

  private Cli() {}

  /** Whether this run rewrites golden files instead of comparing with them. */
  static boolean updatingGolden() {
    return UPDATE;
  }

  static Result run(String... args) {
    return runWithInput("", args);
  }

  static Result runWithInput(String stdin, String... args) {
    return run(NOW, stdin, Map.of(), Path.of("").toAbsolutePath(), args);
  }

  /** Runs with standard input read from {@code stdin}, e.g. one that changes files as it is read. */
  static Result runWithInput(InputStream stdin, String... args) {
    return run(NOW, stdin, Map.of(), Path.of("").toAbsolutePath(), args);
  }

  /** Runs on another day than {@link #NOW}. */
  static Result runAt(Clock clock, String stdin, String... args) {
    return run(clock, stdin, Map.of(), Path.of("").toAbsolutePath(), args);
  }

  /**
   * Runs as if the environment were {@code env} and the working folder {@code dir} (where
   * posture.yaml is looked for). The other methods use an empty environment and the module folder, so
   * the machine's own POSTURE_* variables never leak into a test.
   */
  static Result runIn(Map<String, String> env, Path dir, String... args) {
    return run(NOW, "", env, dir, args);
  }

  private static Result run(Clock clock, String stdin, Map<String, String> env, Path dir, String... args) {
    return run(clock, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, dir, args);
  }

  private static Result run(Clock clock, InputStream in, Map<String, String> env, Path dir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PostureCli.run(args, new PrintWriter(out), new PrintWriter(err), invocation(in, env, dir, clock));
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * A run with no terminal and only the variables a test gives, plus a catalogue cache of the test
   * run's own (unless the test names one), so nothing reads or writes the user's home.
   */
  static Invocation invocation(InputStream in, Map<String, String> env, Path dir, Clock clock) {
    Map<String, String> variables = new HashMap<>(env);
    variables.putIfAbsent("POSTURE_CACHE_DIR", CACHE.toString());
    return new Invocation(in, variables, dir, clock, false, () -> 0);
  }

  private static Path temporaryCache() {
    try {
      Path cache = Files.createTempDirectory("posture-test-cache");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(cache)));
      return cache;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the system cleans it up
    }
  }

  /** Compares {@code actual} with a golden file, or rewrites it when updating. */
  static void assertGolden(String name, String actual) {
    Path file = GOLDEN.resolve(name);
    try {
      if (UPDATE) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertThat(file).as("golden file %s (rewrite with -Dposture.updateGolden=true)", file).exists();
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a run gave; printed whole when an assertion fails. */
  record Result(int exitCode, String out, String err) {
    Result succeeded() {
      assertThat(exitCode).as("exit code of %s", this).isZero();
      assertThat(err).as("stderr of %s", this).isEmpty();
      return this;
    }

    Result exited(int expected) {
      assertThat(exitCode).as("exit code of %s", this).isEqualTo(expected);
      return this;
    }

    Result errContains(String text) {
      assertThat(err).as("stderr of %s", this).contains(text);
      return this;
    }

    /** Errors are one line, with no stack trace. */
    Result oneLineError() {
      assertThat(err.strip().lines().count()).as("stderr lines of %s", this).isEqualTo(1);
      assertThat(err).doesNotContain("\tat ");
      return this;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
  }
}
