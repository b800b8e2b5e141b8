package dev.posture.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The words of a shell line split into the command they name ({@code actions show}) and its
 * arguments, with the command's model to read them by.
 */
record CommandPath(CommandSpec spec, List<String> path, List<String> args) {

  static CommandPath of(CommandSpec root, List<String> words) {
    CommandSpec spec = root;
    int length = 0;
    while (length < words.size() && spec.subcommands().containsKey(words.get(length))) {
      spec = spec.subcommands().get(words.get(length)).getCommandSpec();
      length++;
    }
    return new CommandPath(spec, words.subList(0, length), words.subList(length, words.size()));
  }

  /** The option {@code word} names when it waits for a value in the next word. */
  Optional<OptionSpec> takesValue(String word) {
    OptionSpec option = word.startsWith("-") && !word.contains("=") ? spec.findOption(word) : null;
    return option != null && option.arity().min() > 0 ? Optional.of(option) : Optional.empty();
  }

  /** The arguments that are neither options nor their values. */
  List<String> positionals() {
    List<String> positionals = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (takesValue(arg).isPresent()) {
        i++;
      } else if (!arg.startsWith("-") || arg.equals("-")) {
        positionals.add(arg);
      }
    }
    return positionals;
  }

  /** Whether the command's first positional parameter is a TENANT. */
  boolean takesTenant() {
    return spec.positionalParameters().stream().anyMatch(p -> p.paramLabel().equals("TENANT"));
  }
}
