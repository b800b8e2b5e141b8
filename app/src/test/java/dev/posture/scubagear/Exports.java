package dev.posture.scubagear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The test exports, and variants of them written to a test's folder. */
public final class Exports {
  /** ScubaGear 1.8.0's shape, every product: Fourth Coffee. */
  public static final Path FOURTH_COFFEE = Path.of("src/test/resources/scubagear/fourthcoffee-1.8.0.json");
  /** ScubaGear 0.3.0's shape, Entra ID only, with a byte-order mark and CRLF: Adatum. */
  public static final Path ADATUM = Path.of("src/test/resources/scubagear/adatum-0.3.0.json");
  public static final String FOURTH_COFFEE_ID = "6f0c0ffe-2b9e-4c1a-9d3e-7a5b4c3d2e1f";
  public static final String ADATUM_ID = "2d7b9e41-8c3f-4a6d-b5e2-9f1c0a8d7e63";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Exports() {}

  /** Fourth Coffee's export with {@code change} made to it, as {@code dir/name}. */
  public static Path fourthCoffeeWith(Path dir, String name, Consumer<ObjectNode> change) {
    try {
      ObjectNode export = (ObjectNode) JSON.readTree(FOURTH_COFFEE.toFile());
      change.accept(export);
      Path file = dir.resolve(name);
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(export));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
