package dev.posture.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Which of the root's commands a run builds in full. Reading a command's options, mixins and
 * converters by reflection is most of what a short run such as {@code --version} costs, so only the
 * commands a command line names are built; the others are placeholders with their names and
 * descriptions, which is all the root's help and its "did you mean" need.
 */
final class CommandTree {
  private CommandTree() {}

  /** What asks for help or the version, and so runs no command. */
  private static final Set<String> ONLY_HELP = Set.of("-h", "--help", "-V", "--version", "help");

  /** Adds every command to {@code root}: built when {@code args} name it (or when {@code all}), else a placeholder. */
  static void addCommands(CommandLine root, List<String> args, boolean all) {
    for (Class<?> type : PostureCommand.COMMANDS) {
      Command command = type.getAnnotation(Command.class);
      if (all || named(command, args)) {
        root.addSubcommand(type);
      } else {
        root.addSubcommand(command.name(), placeholder(command), command.aliases());
      }
    }
  }

  /** Whether the command {@code args} name reads a catalogue (it has the catalogue option, or one of its subcommands does). */
  static boolean loadsCatalogue(List<String> args) {
    return args.stream().noneMatch(ONLY_HELP::contains) && PostureCommand.COMMANDS.stream()
        .anyMatch(type -> named(type.getAnnotation(Command.class), args) && hasCatalogueOption(type));
  }

  private static boolean named(Command command, List<String> args) {
    return Stream.concat(Stream.of(command.name()), Arrays.stream(command.aliases())).anyMatch(args::contains);
  }

  private static boolean hasCatalogueOption(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (Arrays.stream(c.getDeclaredFields()).anyMatch(f -> f.getType() == CatalogOption.class)) {
        return true;
      }
    }
    return Arrays.stream(type.getAnnotation(Command.class).subcommands()).anyMatch(CommandTree::hasCatalogueOption);
  }

  private static CommandLine placeholder(Command command) {
    CommandSpec spec = CommandSpec.create().name(command.name());
    spec.usageMessage().description(command.description()).header(command.header()).hidden(command.hidden());
    return new CommandLine(spec);
  }
}
