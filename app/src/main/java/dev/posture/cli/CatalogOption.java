package dev.posture.cli;

import dev.posture.catalog.Catalog;
import dev.posture.catalog.CatalogLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --catalog}: the bundled catalogue unless a folder or file is given. */
final class CatalogOption {
  @Option(names = "--catalog", paramLabel = "DIR|FILE",
      description = "Catalogue of improvement actions (default: the bundled catalogue).")
  Path catalog;

  Catalog load() {
    CatalogLoader loader = new CatalogLoader();
    return catalog == null ? loader.loadBundled() : loader.load(catalog);
  }
}
