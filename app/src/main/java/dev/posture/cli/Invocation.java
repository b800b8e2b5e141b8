package dev.posture.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * What one run of posture is given besides its arguments. Only {@link Main} reads the process's own
 * (its standard input, environment, working folder, clock and terminal); tests and the shell give
 * their own, so a run depends on nothing else and a test never touches the user's files.
 *
 * @param env the environment variables ({@code POSTURE_*} defaults, the cache and history folders, NO_COLOR)
 * @param workingDir where {@code posture.yaml} is looked for
 * @param clock today and now: when decisions are stamped and review dates expire
 * @param terminal whether standard input and output are a terminal (colour, progress, the shell's editing)
 * @param columns the terminal's width, 0 when unknown or no terminal; asked only when a table is printed
 */
record Invocation(InputStream stdin, Map<String, String> env, Path workingDir, Clock clock, boolean terminal, IntSupplier columns) {
  Invocation {
    env = Map.copyOf(env);
  }

  /** The same run without standard input, for the commands a shell runs (it reads its own input). */
  Invocation inShell(IntSupplier shellColumns) {
    return new Invocation(InputStream.nullInputStream(), env, workingDir, clock, terminal, shellColumns);
  }

  /** A variable's value when it is set and not empty. */
  Optional<String> variable(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }
}
