package dev.posture.cli;

import dev.posture.input.AtomicFile;
import dev.posture.input.InputException;
import dev.posture.report.Format;
import dev.posture.report.OutputContext;
import dev.posture.report.Renderers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
  /** The start of every command's --format description, followed by its default. */
  static final String HELP = "Output format: ${COMPLETION-CANDIDATES}";

  private final PostureCommand root;
  private final List<Format> offered;
  private final Format fallback;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the result to FILE (replaced atomically) instead of standard output; without --format, "
          + "the file's extension picks the format (.txt table, .json, .csv, .md markdown, .xml junit, .html).")
  Path output;

  @Option(names = "--width", paramLabel = "N", converter = ValueConverters.Columns.class,
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

  /** The format to print in: the one asked for, else the one the --output file's extension names, else the command's own. */
  Format format() {
    if (choice() != null) {
      return format(choice());
    }
    return Optional.ofNullable(output).flatMap(FormatOptions::byExtension).filter(offered::contains).orElse(fallback);
  }

  private static Optional<Format> byExtension(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return Optional.ofNullable(switch (extension) {
      case "txt" -> Format.TABLE;
      case "json" -> Format.JSON;
      case "csv" -> Format.CSV;
      case "md", "markdown" -> Format.MARKDOWN;
      case "xml" -> Format.JUNIT;
      case "html", "htm" -> Format.HTML;
      default -> null;
    });
  }

  /** A file posture is to write: its folder must be there, or the message would be about a temporary file. */
  static void requireFolder(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new InputException(file.toString(), "cannot be written: the folder " + file.getParent() + " does not exist");
    }
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
    requireFolder(output);
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
      return OptionalInt.of(width);
    }
    int columns = terminal ? root.invocation.columns().getAsInt() : 0;
    return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
  }

  private static Format format(Enum<?> choice) {
    return Format.valueOf(choice.name().toUpperCase(Locale.ROOT));
  }
}
