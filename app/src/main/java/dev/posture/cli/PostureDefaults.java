package dev.posture.cli;

import dev.posture.input.AtomicFile;
import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.Node;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment and from {@code posture.yaml} in the working folder.
 *
 * <p>An option {@code --fail-under} of {@code assess} is looked up, first match wins, as
 * {@code POSTURE_ASSESS_FAIL_UNDER}, {@code POSTURE_FAIL_UNDER}, {@code assess: {fail-under: ...}} in
 * the file, then {@code fail-under: ...} at the file's top level. The command line beats all of them,
 * and the built-in default applies when none is set. A list in the file is a repeated option.
 *
 * <p>The file is checked when the command line is built: a key that is no option or command of posture
 * is an input error naming the file and line, as a typo there would otherwise be silently ignored.
 */
final class PostureDefaults implements IDefaultValueProvider {
  static final String FILE = "posture.yaml";
  /** The options that name a file posture writes. */
  private static final Set<String> WRITTEN = Set.of("output", "history", "state");
  private static final String PREFIX = "POSTURE_";

  /** No defaults: every option keeps its built-in default. */
  static final PostureDefaults NONE = new PostureDefaults(Map.of(), Map.of(), "", null);

  private final Map<String, String> env;
  /** Section path ("" for the top level, "assess", "actions list") to option name to value. */
  private final Map<String, Map<String, Setting>> file;
  /** Where each default this provider gave came from, so a bad value can be traced to it. */
  private final Map<ArgSpec, Setting> given = new IdentityHashMap<>();

  /**
   * The command being run, e.g. "assess". Options declared on the root and inherited (--format,
   * --output) are asked about as the root's, so their command section is the one being run.
   */
  private final String invoked;

  /** The command tree, to tell a default meant for other commands from a mistake. */
  private final CommandSpec root;

  private PostureDefaults(Map<String, String> env, Map<String, Map<String, Setting>> file, String invoked, CommandSpec root) {
    this.env = env;
    this.file = file;
    this.invoked = invoked;
    this.root = root;
  }

  /**
   * A default value and where it was set: an environment variable, or a value in posture.yaml.
   *
   * @param node the value in the file; null for a variable
   */
  record Setting(String value, String variable, Node node) {}

  /** Where the default of {@code arg} came from, when this provider gave it. */
  Optional<Setting> source(ArgSpec arg) {
    return Optional.ofNullable(arg).map(given::get);
  }

  /**
   * Reads {@code posture.yaml} from {@code workingDir} when there is one, checking it against the
   * commands.
   *
   * @param args the command line, to tell which command runs
   */
  static PostureDefaults load(Map<String, String> env, Path workingDir, CommandSpec root, String[] args) {
    Path path = workingDir.resolve(FILE);
    Map<String, Map<String, Setting>> file = new HashMap<>();
    if (Files.exists(path)) { // a folder or an unreadable file of that name is reported, not passed over
      Document document = DocumentReader.read(path.toString(), DocumentReader.readBytes(path), true, true);
      if (!document.root().isNull()) {
        section(document.rootNode().object(), root, "", allOptions(root), file, workingDir);
      }
    }
    return new PostureDefaults(Map.copyOf(env), file, invoked(root, args), root);
  }

  /** The path of the subcommand that {@code args} name, e.g. "assess"; "" for the root. */
  private static String invoked(CommandSpec root, String[] args) {
    List<String> path = new ArrayList<>();
    CommandSpec command = root;
    for (String arg : args) {
      CommandLine sub = command.subcommands().get(arg);
      if (sub != null) {
        path.add(arg);
        command = sub.getCommandSpec();
      }
    }
    return String.join(" ", path);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String name = name(option);
    String declared = commandPath(option.command());
    String command = declared.isEmpty() ? invoked : declared;
    List<String> envNames = new ArrayList<>();
    if (!command.isEmpty()) {
      envNames.add(PREFIX + envName(command) + "_" + envName(name));
    }
    envNames.add(PREFIX + envName(name));
    Setting setting = null;
    for (String key : envNames) {
      if (setting == null && env.containsKey(key)) {
        setting = new Setting(env.get(key), key, null);
      }
    }
    boolean global = setting != null && setting.variable().equals(PREFIX + envName(name));
    if (setting == null) {
      setting = file.getOrDefault(command, Map.of()).get(name);
    }
    if (setting == null) {
      setting = file.getOrDefault("", Map.of()).get(name);
      global = true;
    }
    if (setting == null || global && meantForOtherCommands(option, setting.value())) {
      return null;
    }
    given.put(arg, setting);
    return setting.value();
  }

  /**
   * A default given to every command ({@code POSTURE_FORMAT=junit}, {@code format: junit} at the top
   * of the file) applies to the commands that take its value: one that prints no JUnit keeps its own
   * format. A value no command takes is still an error, so a typo is not passed over.
   */
  private boolean meantForOtherCommands(OptionSpec option, String value) {
    return !takes(option, value) && options(root, name(option)).stream().anyMatch(o -> takes(o, value));
  }

  /** Whether an option of a closed set of values (an enum) has this one; any other option is taken to. */
  private static boolean takes(OptionSpec option, String value) {
    if (!option.type().isEnum()) {
      return true;
    }
    String key = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(option.type().getEnumConstants()).anyMatch(c -> EnumConverter.key((Enum<?>) c).equals(key));
  }

  /** The options of this name in the whole command tree. */
  private static List<OptionSpec> options(CommandSpec command, String name) {
    List<OptionSpec> found = new ArrayList<>();
    command.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp() && name(o).equals(name)).forEach(found::add);
    command.subcommands().values().forEach(sub -> found.addAll(options(sub.getCommandSpec(), name)));
    return found;
  }

  private static void section(Node node, CommandSpec command, String path, Set<String> allowed,
      Map<String, Map<String, Setting>> out, Path workingDir) {
    Map<String, Setting> values = out.computeIfAbsent(path, p -> new HashMap<>());
    for (String key : node.value().propertyNames()) {
      Node value = node.field(key);
      CommandSpec sub = command.subcommands().containsKey(key) ? command.subcommands().get(key).getCommandSpec() : null;
      if (sub != null && value.value().isObject()) {
        section(value, sub, path.isEmpty() ? key : path + " " + key, options(sub), out, workingDir);
      } else if (sub != null && !allowed.contains(key)) {
        throw value.error("expected a mapping of the options of '" + sub.qualifiedName(" ").replaceFirst("^posture ", "")
            + "' (option: value), found " + value.describe());
      } else if (allowed.contains(key)) {
        String text = text(value);
        if (WRITTEN.contains(key)) {
          insideWorkingFolder(value, text, workingDir);
        }
        values.put(key, new Setting(text, null, value));
      } else {
        throw value.error("unknown key '" + key + "'; expected an option name without its dashes"
            + (path.isEmpty() ? " or a command" : "") + ", one of: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /**
   * posture.yaml comes with the folder it is in, and the folder may be someone else's (a pull
   * request's checkout in CI): a file posture writes may be named there only inside that folder, so
   * the file cannot send a report over a file elsewhere. The command line and the environment,
   * which the person running posture controls, may name any file.
   */
  private static void insideWorkingFolder(Node value, String text, Path workingDir) {
    Path folder = AtomicFile.resolve(workingDir);
    Path file;
    try {
      file = Path.of(text);
    } catch (InvalidPathException e) {
      return; // the option's own converter says what is wrong with it
    }
    Path named = workingDir.toAbsolutePath().normalize().resolve(file).normalize();
    boolean inside = !file.isAbsolute() && named.startsWith(workingDir.toAbsolutePath().normalize());
    Path written = AtomicFile.resolve(named); // where the write lands once links are followed
    if (!inside || !written.startsWith(folder)) {
      String through = inside ? " (through a symbolic link it leads to " + written + ")" : "";
      throw value.error("a file posture writes may be named in posture.yaml only inside its folder, found '" + text + "'" + through
          + "; give it on the command line or in a POSTURE_* variable instead");
    }
  }

  private static String text(Node value) {
    if (value.value().isArray()) {
      List<String> items = new ArrayList<>();
      for (Node item : value.items()) {
        items.add(scalar(item));
      }
      return String.join(",", items);
    }
    return scalar(value);
  }

  private static String scalar(Node value) {
    if (value.isMissing() || value.value().isContainer()) {
      throw value.error("expected a value (text, number, true or false), found " + value.describe());
    }
    return value.value().asString();
  }

  /** At the top level, any option of any command may be given a default. */
  private static Set<String> allOptions(CommandSpec command) {
    Set<String> names = new TreeSet<>(options(command));
    command.subcommands().values().forEach(sub -> names.addAll(allOptions(sub.getCommandSpec())));
    return names;
  }

  /** The options a file may set: those help shows (an alias kept for an old spelling is not one). */
  private static Set<String> options(CommandSpec command) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec o : command.options()) {
      if (!o.usageHelp() && !o.versionHelp() && !o.hidden()) {
        names.add(name(o));
      }
    }
    return names;
  }

  private static String name(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  /** The command's path below the root, e.g. "assess" or "actions list"; "" for the root. */
  private static String commandPath(CommandSpec command) {
    String qualified = command.qualifiedName(" ");
    int space = qualified.indexOf(' ');
    return space < 0 ? "" : qualified.substring(space + 1);
  }

  private static String envName(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }
}
