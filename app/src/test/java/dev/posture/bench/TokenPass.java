package dev.posture.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The benchmark's floor for reading a snapshot: one pass of Jackson's streaming parser over every
 * token of a file, touching each name and value, with nothing built. {@code bench/run} compares
 * posture's large-tenant cases with this, run as a whole process the same way.
 */
public final class TokenPass {
  private TokenPass() {}

  public static void main(String[] args) throws IOException {
    long tokens = 0;
    long touched = 0;
    JsonFactory factory = new JsonFactory();
    try (InputStream in = Files.newInputStream(Path.of(args[0]));
        JsonParser parser = factory.createParser(ObjectReadContext.empty(), in)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens++;
        touched += switch (token) {
          case PROPERTY_NAME -> parser.currentName().length();
          case VALUE_STRING -> parser.getString().length();
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue().intValue() & 1;
          default -> 1;
        };
      }
    }
    System.out.println(tokens + " tokens, " + touched);
  }
}
