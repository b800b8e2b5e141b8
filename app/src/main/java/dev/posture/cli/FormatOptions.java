package dev.posture.cli;

import dev.posture.input.AtomicFile;
import dev.posture.report.Format;
import dev.posture.report.OutputContext;
import dev.posture.report.Renderers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * How a command prints its result: in a format it offers, to standard output or a file. Each command
 * that prints declares the formats it can print as an enum of its own, in a small subclass holding
 * its {@code --format} option, so its help, its completion and its defaults offer only those.
 *
 * <p>A file named with {@code --output} is written to a temporary sibling and renamed into place, so
 * a failure never leaves it half-written.
 */
abstract class FormatOptions {
  /** Narrower than this, a table has no room for its first columns. */
  static final int MIN_WIDTH = 20;
  /** The start of every command's --format description, followed by its default. */
  static final String HELP = "Output format: ${COMPLETION-CANDIDATES}";

  private final PostureCommand root;
  private final List<Format> offered;
  private final Format fallback;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the result to FILE (replaced atomically) instead of standard output.")
  Path output;

  @Option(names = "--width", paramLabel = "N",
      description = "Fit tables in N columns (default: the terminal's width; no limit into a pipe or a file).")
  Integer width;

  @Option(names = "--ascii", description = "Draw bars, sparklines and cut text in ASCII instead of Unicode.")
  boolean ascii;

  /**
   * @param offered the constants of the command's own format enum, named as the formats they stand for
   * @param fallback what the command prints when no format is asked for
   */
  FormatOptions(PostureCommand root, Enum<?>[] offered, Format fallback) {
    this.root = root;
    this.offered = Arrays.stream(offered).map(FormatOptions::format).toList();
    this.fallback = fallback;
  }

  /** The command's {@code --format}, or null when none was given. */
  abstract Enum<?> choice();

  /** The formats the command prints, in the order its help lists them. */
  List<Format> offered() {
    return offered;
  }

  /** The format to print in: the one asked for, else the command's own. */
  Format format() {
    return choice() == null ? fallback : format(choice());
  }

  /** Prints {@code subject} in the format asked for, to standard output or the --output file. */
  <S> void print(Renderers<S> renderers, S subject, PrintWriter stdout) {
    print(renderers, subject, stdout, "");
  }

  /** @param preamble written before the result, such as the byte-order mark Excel needs */
  <S> void print(Renderers<S> renderers, S subject, PrintWriter stdout, String preamble) {
    Format format = format();
    if (output == null) {
      stdout.print(preamble);
      renderers.render(format, subject, context(true), stdout);
      return;
    }
    StringWriter buffer = new StringWriter();
    buffer.write(preamble);
    renderers.render(format, subject, context(false), new PrintWriter(buffer));
    AtomicFile.replace(output, buffer.toString());
  }

  /** Width, pictures and colour for standard output (a terminal perhaps) or for a file. */
  private OutputContext context(boolean toStandardOutput) {
    boolean terminal = toStandardOutput && root.invocation.terminal();
    boolean colour = terminal && !root.noColor && root.invocation.variable("NO_COLOR").isEmpty();
    return new OutputContext(width(terminal), ascii, colour, terminal);
  }

  /** --width, else the terminal's columns; none (full rows) for a pipe or a file. */
  private OptionalInt width(boolean terminal) {
    if (width != null) {
      if (width < MIN_WIDTH) {
        throw new UsageException("--width must be at least " + MIN_WIDTH + ", got " + width);
      }
      return OptionalInt.of(width);
    }
    int columns = terminal ? root.invocation.columns().getAsInt() : 0;
    return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
  }

  private static Format format(Enum<?> choice) {
    return Format.valueOf(choice.name().toUpperCase(Locale.ROOT));
  }
}
