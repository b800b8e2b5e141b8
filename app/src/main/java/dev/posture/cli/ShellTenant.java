package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.report.Numbers;
import dev.posture.report.Printable;
import dev.posture.scoring.ScoreView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the shell knows between commands: the tenant it was started on, assessed, for the prompt,
 * for completion and to fill in the commands' TENANT; or, without a tenant, the catalogue alone.
 * It is read again on {@code reload}, and after a command that changed the state file.
 */
final class ShellTenant {
  private final TenantOptions options;
  private final CatalogOption catalogOption;
  private Workspace workspace;
  private Catalog catalog;
  private Optional<FileTime> stateStamp = Optional.empty();

  /** @param options the shell's tenant options, naming the tenant and its state file */
  ShellTenant(TenantOptions options, CatalogOption catalogOption) {
    this.options = options;
    this.catalogOption = catalogOption;
    reload();
  }

  /** Reads the catalogue, and the tenant's snapshot and state, again. */
  void reload() {
    if (options.tenant == null) {
      catalog = catalogOption.load();
      return;
    }
    workspace = Workspace.load(options, catalogOption);
    catalog = workspace.catalog();
    stateStamp = stamp(workspace.location().state());
  }

  /** Reloads when a command changed the tenant's state file. */
  void refreshIfChanged() {
    if (workspace != null && !stamp(workspace.location().state()).equals(stateStamp)) {
      reload();
    }
  }

  Catalog catalog() {
    return catalog;
  }

  /** Every tag recorded in the tenant's state, for completion. */
  Set<String> tags() {
    Set<String> tags = new TreeSet<>();
    if (workspace != null) {
      workspace.state().actions().values().forEach(a -> tags.addAll(a.tags()));
    }
    return tags;
  }

  /** {@code Contoso Pharmaceuticals 177.87/336 52.94%> }, or {@code posture> } without a tenant. */
  String prompt() {
    if (workspace == null) {
      return "posture> ";
    }
    ScoreView current = workspace.assessment().scores().current();
    return Printable.line(workspace.snapshot().tenant().displayName()) + " " + Numbers.points(current.points()) + "/"
        + Numbers.points(current.max()) + " " + Numbers.percent(current.percent()) + "> ";
  }

  /**
   * Whether the shell's tenant goes in front of the command's arguments: the command takes a TENANT
   * and its first argument is not a file or folder (nor {@code -}).
   */
  boolean impliedFor(CommandPath command) {
    if (workspace == null || !command.takesTenant()) {
      return false;
    }
    return command.positionals().stream().findFirst().map(a -> !a.equals("-") && !Files.exists(Path.of(a))).orElse(true);
  }

  /** The words of a command line, with the shell's tenant put in where the command takes it. */
  List<String> arguments(CommandSpec root, List<String> words) {
    CommandPath command = CommandPath.of(root, words);
    if (!impliedFor(command)) {
      return words;
    }
    List<String> args = new ArrayList<>(command.path());
    args.add(options.tenant);
    if (options.state != null) {
      args.add("--state");
      args.add(options.state.toString());
    }
    args.addAll(command.args());
    return args;
  }

  private static Optional<FileTime> stamp(Path file) {
    try {
      return Files.exists(file) ? Optional.of(Files.getLastModifiedTime(file)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
