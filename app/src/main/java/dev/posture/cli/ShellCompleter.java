package dev.posture.cli;

import dev.posture.catalog.Action;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab completion in the shell, from picocli's model of the commands: subcommands, options, and
 * values for what the catalogue and the tenant know (action ids, statuses, categories, tags, formats),
 * and file names for tenants and files.
 */
final class ShellCompleter implements Completer {
  /** What the shell says besides posture's commands. */
  static final List<String> SHELL_WORDS = List.of("reload", "clear", "help", "exit");

  private final CommandSpec root;
  private final Supplier<ShellTenant> tenant;
  private final Completer files = new FileNameCompleter();

  ShellCompleter(CommandSpec root, Supplier<ShellTenant> tenant) {
    this.root = root;
    this.tenant = tenant;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    CommandPath command = CommandPath.of(root, line.words().subList(0, line.wordIndex()));
    CommandSpec spec = command.spec();
    List<String> args = command.args();
    Optional<OptionSpec> valueOf = args.isEmpty() ? Optional.empty() : command.takesValue(args.get(args.size() - 1));
    if (valueOf.isPresent()) {
      optionValues(valueOf.get(), reader, line, candidates);
    } else if (line.word().startsWith("-")) {
      spec.options().stream().filter(o -> !o.hidden()).flatMap(o -> Arrays.stream(o.names())).forEach(n -> add(candidates, n));
    } else if (args.isEmpty() && !spec.subcommands().isEmpty()) {
      spec.subcommands().forEach((name, sub) -> add(candidates, name));
      if (spec == root) {
        SHELL_WORDS.forEach(w -> add(candidates, w));
      }
    } else {
      int index = command.positionals().size() + (tenant.get().impliedFor(command) ? 1 : 0);
      spec.positionalParameters().stream().filter(p -> p.index().contains(index)).findFirst()
          .ifPresent(p -> positionalValues(p, reader, line, candidates));
    }
  }

  private void positionalValues(PositionalParamSpec param, LineReader reader, ParsedLine line, List<Candidate> candidates) {
    switch (param.paramLabel()) {
      case "ID" -> tenant.get().catalog().actions().stream().map(Action::id).forEach(id -> add(candidates, id));
      case "TAG" -> tenant.get().tags().forEach(t -> add(candidates, t));
      case "SHELL" -> Stream.of("bash", "zsh").forEach(s -> add(candidates, s));
      case "TENANT", "PATH", "FILE", "FILE|FOLDER" -> files.complete(reader, line, candidates);
      default -> { }
    }
  }

  /** The tenant's tags, file names, or the values the option itself offers (as help and the bash script do). */
  private void optionValues(OptionSpec option, LineReader reader, ParsedLine line, List<Candidate> candidates) {
    if (List.of(option.names()).contains("--tag")) {
      tenant.get().tags().forEach(t -> add(candidates, t));
    } else if (option.completionCandidates() != null && option.completionCandidates().iterator().hasNext()) {
      option.completionCandidates().forEach(v -> add(candidates, v));
    } else if (option.paramLabel().contains("FILE") || option.paramLabel().contains("DIR")) {
      files.complete(reader, line, candidates);
    }
  }

  private static void add(List<Candidate> candidates, String value) {
    candidates.add(new Candidate(value));
  }

  /** The command line whose model completion follows; it never runs. */
  static CommandSpec model() {
    return PostureCli.model();
  }
}
