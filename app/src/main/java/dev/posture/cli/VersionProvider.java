package dev.posture.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import picocli.CommandLine.IVersionProvider;

/** The version and build time from the jar's manifest, with the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      tool() + buildTime().map(t -> ", built " + t).orElse(""),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"
    };
  }

  /** {@code posture 0.2.0}, as the files posture writes name their writer. */
  static String tool() {
    String version = PostureCommand.class.getPackage().getImplementationVersion();
    return "posture " + (version == null ? "(development build)" : version);
  }

  /** Empty when running from classes rather than the jar (in tests). */
  private static Optional<String> buildTime() {
    try {
      Path code = Path.of(PostureCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(code)) {
        return Optional.empty();
      }
      try (JarFile jar = new JarFile(code.toFile())) {
        return Optional.ofNullable(jar.getManifest()).map(m -> m.getMainAttributes().getValue("Build-Time"));
      }
    } catch (IOException | URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
  }
}
