package dev.posture.cli;

import dev.posture.report.Printable;
import dev.posture.scubagear.ScubaGearImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "scubagear",
    description = "Turn CISA ScubaGear's ProviderSettingsExport.json into a tenant folder: snapshot.json (the sections it holds,"
        + " as Microsoft's APIs return them) and collection.json (which sections it holds, and why not the others)."
        + " posture-state.yaml and secure-score/ are left alone.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture import scubagear ProviderSettingsExport.json contoso/",
      "  posture assess contoso/",
    })
final class ImportScubaGearCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "ScubaGear's ProviderSettingsExport.json.")
  Path file;

  @Parameters(index = "1", paramLabel = "DIR", description = "The tenant folder to write (made when missing).")
  Path folder;

  @Override
  public Integer call() {
    ScubaGearImport imported = ScubaGearImport.read(file);
    imported.writeTo(folder, VersionProvider.tool());
    PrintWriter err = spec.commandLine().getErr();
    imported.warnings().forEach(w -> err.println(Printable.line("posture: warning: " + w)));
    summary(spec.commandLine().getOut(), imported);
    return ExitCode.OK;
  }

  private void summary(PrintWriter out, ScubaGearImport imported) {
    List<ScubaGearImport.Section> sections = imported.sections();
    List<ScubaGearImport.Section> found = sections.stream().filter(ScubaGearImport.Section::found).toList();
    out.println(Printable.line(folder + ": " + found.size() + " of " + sections.size() + " sections imported from "
        + imported.source() + " of tenant " + imported.tenantId() + " (" + imported.displayName() + ")"));
    out.println(Printable.line("found: " + found.stream()
        .map(s -> s.name() + s.count().map(n -> " " + n).orElse("")).collect(Collectors.joining(", "))));
    Map<String, List<String>> missing = sections.stream().filter(s -> !s.found())
        .collect(Collectors.groupingBy(s -> s.notFound().get(), LinkedHashMap::new,
            Collectors.mapping(ScubaGearImport.Section::name, Collectors.toList())));
    missing.forEach((reason, names) -> out.println(Printable.line("not found: " + String.join(", ", names) + " (" + reason + ")")));
  }
}
