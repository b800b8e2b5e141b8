package dev.posture.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the Contoso sample that a test may change. */
final class Tenants {
  static final Path CONTOSO = Path.of("../samples/contoso");
  static final String CATALOG = "../catalog";

  private Tenants() {}

  /** The sample copied into {@code dir}; returns the folder to pass as TENANT. */
  static Path contoso(Path dir) {
    try {
      Path tenant = Files.createDirectories(dir.resolve("contoso"));
      Files.copy(CONTOSO.resolve("snapshot.json"), tenant.resolve("snapshot.json"));
      Files.copy(CONTOSO.resolve("posture-state.yaml"), tenant.resolve("posture-state.yaml"));
      return tenant;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
