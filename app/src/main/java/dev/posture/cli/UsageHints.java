package dev.posture.cli;

import dev.posture.input.Node;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What to say for the usage errors a newcomer meets first, in place of the parser's own words: the
 * arguments in the wrong order (an action id where the tenant goes, a tenant before the command) and
 * a misspelt command, with the command line to type.
 */
final class UsageHints {
  private UsageHints() {}

  /** @param args the whole command line, as the parser stops at the first word it cannot place */
  static Optional<String> of(ParameterException ex, String[] args) {
    CommandSpec command = ex.getCommandLine().getCommandSpec();
    if (ex instanceof MissingParameterException missing && missing.getMissing().stream().anyMatch(a -> label(a).equals("ID"))) {
      return actionIdAsTenant(command);
    }
    if (ex instanceof UnmatchedArgumentException unmatched && !command.subcommands().isEmpty()) {
      List<String> words = unmatched.getUnmatched();
      return commandAfterTenant(command, List.of(args), words.get(0)).or(() -> unknownCommand(command, words.get(0)));
    }
    return Optional.empty();
  }

  /** {@code actions show AdminMFAV2}: the id was taken for the tenant, which is missing. */
  private static Optional<String> actionIdAsTenant(CommandSpec command) {
    return positional(command, "TENANT").map(PositionalParamSpec::<String>getValue)
        .filter(tenant -> !exists(tenant) && isActionId(command, tenant))
        .map(id -> "'" + id + "' is an action id, not a tenant: the tenant comes first, as in '"
            + command.qualifiedName(" ") + " TENANT " + id + "'");
  }

  /** {@code posture samples/contoso assess}: a tenant, then a command. */
  private static Optional<String> commandAfterTenant(CommandSpec command, List<String> args, String unmatched) {
    int at = args.indexOf(unmatched);
    if (!exists(unmatched) || at < 0) {
      return Optional.empty();
    }
    List<String> after = args.subList(at, args.size());
    return after.stream().filter(w -> command.subcommands().containsKey(w)).findFirst().map(sub -> {
      List<String> rest = new ArrayList<>(after);
      rest.remove(sub);
      return "the command comes first: '" + command.qualifiedName(" ") + " " + sub + " " + String.join(" ", rest) + "'";
    });
  }

  private static Optional<String> unknownCommand(CommandSpec command, String word) {
    if (word.startsWith("-")) {
      return Optional.empty();
    }
    List<String> near = Node.nearest(word, command.subcommands().keySet());
    String name = (command.qualifiedName(" ") + " " + word).replaceFirst("^posture ", "");
    return Optional.of("unknown command '" + name + "'" + (near.isEmpty()
        ? "; '" + command.qualifiedName(" ") + " --help' lists them"
        : "; did you mean " + String.join(" or ", near.stream().limit(3).toList()) + "?"));
  }

  /**
   * The tenant and the id given the other way round, as {@code status set AdminMFAV2 samples/contoso}:
   * what to type instead, when the tenant is no file or folder but the id is.
   */
  static Optional<String> swapped(CommandSpec command) {
    Optional<String> tenant = positional(command, "TENANT").map(PositionalParamSpec::<String>getValue);
    Optional<String> id = positional(command, "ID").map(PositionalParamSpec::<String>getValue);
    if (tenant.isEmpty() || id.isEmpty() || tenant.get().equals("-") || exists(tenant.get()) || !exists(id.get())) {
      return Optional.empty();
    }
    return Optional.of("the tenant comes first, then the action's id: '" + command.qualifiedName(" ") + " " + id.get() + " "
        + tenant.get() + "'");
  }

  private static Optional<PositionalParamSpec> positional(CommandSpec command, String label) {
    return command.positionalParameters().stream().filter(p -> p.paramLabel().equals(label)).findFirst();
  }

  private static String label(ArgSpec arg) {
    return arg.paramLabel();
  }

  /** Whether the word is an action id the command's ID parameter offers (the bundled catalogue's). */
  private static boolean isActionId(CommandSpec command, String word) {
    return positional(command, "ID").map(ArgSpec::completionCandidates)
        .map(ids -> StreamSupport.stream(ids.spliterator(), false).anyMatch(word::equals)).orElse(false);
  }

  private static boolean exists(String word) {
    try {
      return word.equals("-") || Files.exists(Path.of(word));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
