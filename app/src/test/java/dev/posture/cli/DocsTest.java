package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README, SECURITY.md and the pages in docs/ cannot drift from the tool: every {@code $ ./posture}
 * line in their code blocks runs, in a copy of the samples and examples, and prints what the page
 * shows under it. A line {@code ...} there stands for any lines; {@code $ export NAME=value} sets a
 * variable for the commands after it; other {@code $} lines (git) are not run. A page's commands run in
 * order on one copy, as a reader would type them.
 */
class DocsTest {
  private static final Path PROJECT = Path.of("..");
  private static final String PROMPT = "$ ";
  private static final String POSTURE = "$ ./posture ";
  private static final String ANY = "...";
  /** An argument that names a file or folder, which the copy holds or where the command writes. */
  private static final Pattern FILE = Pattern.compile("(samples|docs)/.*|[\\w.-]+\\.(json|yaml|csv|md|xml|txt|html)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");

  /** A command of a page, at its line, and what the page shows it prints. */
  record Example(Path page, int line, String command, List<String> shown) {}

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(PROJECT.resolve("README.md"), PROJECT.resolve("SECURITY.md")));
    try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  @ParameterizedTest
  @MethodSource("pages")
  void everyCommandOfThePageRunsAndPrintsWhatItShows(Path page, @TempDir Path dir) throws IOException {
    copy(PROJECT.resolve("samples"), dir.resolve("samples"));
    copy(PROJECT.resolve("docs/examples"), dir.resolve("docs/examples"));
    Map<String, String> env = new HashMap<>();
    for (Example example : examples(page)) {
      if (example.command().startsWith("$ export ")) {
        String[] variable = example.command().substring("$ export ".length()).split("=", 2);
        env.put(variable[0], variable[1]);
        continue;
      }
      if (!example.command().startsWith(POSTURE)) {
        continue;
      }
      String[] args = words(example.command().substring(POSTURE.length())).stream().map(w -> inCopy(w, dir)).toArray(String[]::new);
      Cli.Result r = Cli.runIn(env, dir, args);
      String where = page.getFileName() + ":" + example.line() + ": " + example.command();

      assertThat(r.exitCode()).as(where + "\n" + r).isEqualTo(example.shown().stream().anyMatch(l -> l.startsWith("posture: gate failed"))
          ? ExitCode.GATE_FAILED : ExitCode.OK);
      List<String> printed = (r.out() + r.err()).replace(dir.toAbsolutePath() + "/", "").lines().map(String::stripTrailing).toList();
      assertThat(matches(example.shown(), printed)).as("%s prints\n%s\nwhere the page shows\n%s", where,
          String.join("\n", printed), String.join("\n", example.shown())).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("pages")
  void everyLinkOfThePageLeadsToAFile(Path page) throws IOException {
    Matcher links = LINK.matcher(Files.readString(page));
    while (links.find()) {
      assertThat(page.getParent().resolve(links.group(1))).as("%s links to %s", page.getFileName(), links.group(1)).exists();
    }
  }

  @Test
  void theReadmeIsAFrontDoorNotTheManual() throws IOException {
    assertThat(Files.readAllLines(PROJECT.resolve("README.md"))).hasSizeLessThan(250);
    assertThat(pages().stream().mapToLong(p -> examples(p).stream().filter(e -> e.command().startsWith(POSTURE)).count()).sum())
        .isGreaterThan(20);
  }

  @Test
  void theMatchingTakesTheGapsItIsGivenAndNoOther() {
    assertThat(matches(List.of("a", "b"), List.of("a", "b"))).isTrue();
    assertThat(matches(List.of("a", "b"), List.of("a", "x", "b"))).isFalse();
    assertThat(matches(List.of("a", ANY, "b"), List.of("a", "x", "y", "b"))).isTrue();
    assertThat(matches(List.of("a"), List.of("a", "b"))).isFalse();
    assertThat(matches(List.of("a", ANY), List.of("a", "b"))).isTrue();
    assertThat(matches(List.of(ANY, "b", ANY), List.of("a", "b", "c"))).isTrue();
    assertThat(matches(List.of(), List.of())).isTrue();
    assertThat(matches(List.of(), List.of("a"))).isFalse();
  }

  /** The {@code $} lines of the page's code blocks, each with the lines under it up to the next one or the block's end. */
  private static List<Example> examples(Path page) {
    List<String> lines = read(page);
    List<Example> examples = new ArrayList<>();
    boolean block = false;
    Example current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        block = !block;
        current = null;
      } else if (block && line.startsWith(PROMPT)) {
        current = new Example(page, i + 1, line.strip(), new ArrayList<>());
        examples.add(current);
      } else if (current != null) {
        current.shown().add(line.stripTrailing());
      }
    }
    return examples;
  }

  /** Whether the printed lines are the shown ones, where a shown {@code ...} stands for any number of lines. */
  static boolean matches(List<String> shown, List<String> printed) {
    if (shown.isEmpty()) {
      return printed.isEmpty();
    }
    if (shown.get(0).equals(ANY)) {
      for (int skip = 0; skip <= printed.size(); skip++) {
        if (matches(shown.subList(1, shown.size()), printed.subList(skip, printed.size()))) {
          return true;
        }
      }
      return false;
    }
    return !printed.isEmpty() && shown.get(0).equals(printed.get(0)) && matches(shown.subList(1, shown.size()), printed.subList(1, printed.size()));
  }

  /** A command line split as a shell would: words, with single or double quotes around those holding spaces. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** A file the page names, in the copy; any other word as it is. */
  private static String inCopy(String word, Path dir) {
    return FILE.matcher(word).matches() ? dir.resolve(word).toString() : word;
  }

  private static List<String> read(Path page) {
    try {
      return Files.readAllLines(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
