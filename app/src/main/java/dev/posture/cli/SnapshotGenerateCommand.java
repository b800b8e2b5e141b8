package dev.posture.cli;

import dev.posture.input.AtomicFile;
import dev.posture.snapshot.SyntheticTenant;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.utils.WriterOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "generate",
    description = "Write a synthetic, realistic tenant snapshot (JSON); the same options always give the same file.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture snapshot generate --users 100000 --devices 20000 --seed 7 --output big.json",
      "  posture snapshot generate --profile neglected --users 500 --devices 100 | posture assess -",
    })
final class SnapshotGenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the snapshot to FILE (replaced atomically) instead of standard output.")
  Path output;

  @Option(names = "--users", paramLabel = "N", defaultValue = "1000", converter = ValueConverters.Count.class, description = "Number of users (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--devices", paramLabel = "N", defaultValue = "200", converter = ValueConverters.Count.class, description = "Number of devices (default: ${DEFAULT-VALUE}).")
  int devices;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "enterprise", completionCandidates = EnumConverter.Profiles.class,
      description = "Kind of tenant: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  SyntheticTenant.Profile profile;

  @Override
  public Integer call() throws Exception {
    SyntheticTenant tenant = new SyntheticTenant(profile, users, devices, seed);
    if (output != null) {
      FormatOptions.requireFolder(output);
      AtomicFile.replace(output, tenant::write);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      // decoded a large buffer at a time: a million users pass through the writer quickly
      OutputStream bytes = new BufferedOutputStream(new WriterOutputStream(out, StandardCharsets.UTF_8), 1 << 16);
      tenant.write(bytes);
      bytes.flush();
      out.flush();
    }
    return ExitCode.OK;
  }
}
