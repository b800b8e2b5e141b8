package dev.posture.report;

import java.io.PrintWriter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How posture writes JSON: indented, one document per output, the schema version first. Jackson
 * escapes what a terminal could act on, so the text stays exactly the data and is still inert when the
 * JSON is shown: it escapes the C0 controls itself, and here also DEL, the C1 controls, the
 * bidirectional controls and the two line separators of JavaScript (U+2028 and U+2029).
 */
public final class Json {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().characterEscapes(new InertEscapes()).build())
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  /** On one line, and with {@code <}, {@code >} and {@code &} escaped too, so no HTML markup can start within it. */
  private static final JsonMapper SCRIPT = JsonMapper.builder(JsonFactory.builder().characterEscapes(new InertEscapes('<', '>', '&')).build())
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private Json() {}

  /** JSON to put in a page's {@code <script type="application/json">} element: it cannot close the element or open a comment. */
  public static String forScript(JsonNode node) {
    return SCRIPT.writeValueAsString(node);
  }

  static ObjectNode document() {
    return NODES.objectNode().put("schemaVersion", JsonReport.SCHEMA_VERSION);
  }

  static void print(JsonNode node, PrintWriter out) {
    MAPPER.writeValue(out, node);
    out.println();
    out.flush();
  }

  /** The standard escapes, DEL escaped too, and the same six-character escape for the characters above ASCII that are not inert. */
  private static final class InertEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1;
    private final int[] ascii = standardAsciiEscapesForJSON();

    /** @param more ASCII characters to escape as well */
    InertEscapes(char... more) {
      ascii[0x7F] = ESCAPE_STANDARD;
      for (char c : more) {
        ascii[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      boolean escaped = c <= Character.MAX_VALUE && (Printable.unsafe((char) c) || c == 0x2028 || c == 0x2029);
      return escaped ? new SerializedString(String.format("\\u%04X", c)) : null;
    }
  }
}
