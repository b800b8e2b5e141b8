package dev.posture.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A coverage predicate over users, compiled as the catalogue compiles it. */
final class UserPredicates {
  private UserPredicates() {}

  static Expression covered(Path dir, String expression) {
    Path file = dir.resolve("predicate.yaml");
    try {
      Files.writeString(file, """
          actions:
            - id: A1
              title: T
              category: Identity
              product: P
              maxScore: 1
              tier: Core
              implementationCost: Low
              userImpact: Low
              threats: [Account breach]
              check:
                of: users
                covered: "%s"
          """.formatted(expression.replace("\\", "\\\\").replace("\"", "\\\"")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ((Check.Coverage) new CatalogLoader().load(file).find("A1").orElseThrow().check()).covered();
  }
}
