package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import dev.posture.catalog.ServicePlans;
import dev.posture.report.ActionList;
import dev.posture.report.Printable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "validate",
    description = {
      "Check a catalogue: its schema, unique ids, 0 < maxScore <= 10, checks that compile and known service plans.",
      "Prints a one-line summary, or the first problem with its file and line (exit code 3)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  posture catalog validate", "  posture catalog validate my-catalog/"})
final class CatalogValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "PATH",
      description = "Catalogue folder or file (default: the bundled catalogue).")
  Path path;

  @Override
  public Integer call() {
    CatalogLoader loader = new CatalogLoader();
    Catalog catalog = path == null ? loader.loadBundled() : loader.load(path);
    ServicePlans.requireKnown(catalog);
    String name = path == null ? "bundled catalogue" : path.toString();
    spec.commandLine().getOut().println(Printable.line(name + ": valid, " + ActionList.summary(catalog)));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
