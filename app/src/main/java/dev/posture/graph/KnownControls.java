package dev.posture.graph;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Microsoft's published facts about Secure Score controls (name, title, max points), for controls
 * that appear in a day's scores without a profile and are not in the catalogue. Without them, an
 * export that holds only the first page of profiles could not be totalled.
 */
public final class KnownControls {
  private static final String RESOURCE = "/dev/posture/graph/known-controls.csv";

  /** One control's published title and max points. */
  public record Control(String title, double maxScore) {}

  private final Map<String, Control> byKey;

  private KnownControls(Map<String, Control> byKey) {
    this.byKey = byKey;
  }

  public static KnownControls none() {
    return new KnownControls(Map.of());
  }

  /** The list shipped with posture. */
  public static KnownControls bundled() {
    Map<String, Control> controls = new HashMap<>();
    try (Reader in = new InputStreamReader(KnownControls.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        controls.put(ControlIds.key(r.get("controlName")), new Control(r.get("title"), Double.parseDouble(r.get("maxScore"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the list of known controls inside posture cannot be read", e);
    }
    return new KnownControls(Map.copyOf(controls));
  }

  /** The control of that name, with or without a numeric prefix, in any case. */
  public Optional<Control> find(String controlName) {
    return Optional.ofNullable(byKey.get(ControlIds.key(controlName)));
  }
}
