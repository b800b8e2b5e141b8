package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --catalog}: the bundled catalogue unless a folder or file is given. */
final class CatalogOption {
  private final PostureCommand root;

  @Option(names = "--catalog", paramLabel = "DIR|FILE",
      description = "Catalogue of improvement actions (default: the bundled catalogue).")
  Path catalog;

  CatalogOption(PostureCommand root) {
    this.root = root;
  }

  Catalog load() {
    CatalogLoader loader = new CatalogLoader(cacheFolder(root.invocation.env()));
    return catalog == null ? loader.loadBundled() : loader.load(catalog);
  }

  /**
   * Where checked expressions are kept between runs: {@code POSTURE_CACHE_DIR}, else
   * {@code $XDG_CACHE_HOME/posture}, else {@code $HOME/.cache/posture}; {@code POSTURE_CACHE_DIR=off}
   * turns it off, and so does an environment with none of them.
   */
  static Optional<Path> cacheFolder(Map<String, String> env) {
    String explicit = env.get("POSTURE_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return explicit.equals("off") ? Optional.empty() : Optional.of(Path.of(explicit));
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "posture"));
    }
    String home = env.get("HOME");
    return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "posture"));
  }
}
