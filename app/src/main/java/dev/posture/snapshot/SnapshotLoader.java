package dev.posture.snapshot;

import dev.posture.catalog.Collection;
import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import dev.posture.input.Source;
import dev.posture.input.SchemaValidator;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a tenant snapshot (JSON or YAML). The settings are read whole, with line numbers; the large
 * collections (users, devices, mailboxes) are skipped here and streamed later, element by element,
 * so memory stays flat however large the tenant. Unknown sections are kept and passed to checks:
 * snapshots grow as Graph does.
 */
public final class SnapshotLoader {
  /**
   * Large sections no check reads yet (Intune's managed devices): skipped like a collection, so a
   * fleet of them costs no memory, and counted as present.
   */
  private static final Set<String> UNREAD = Set.of("managedDevices");

  public Snapshot load(SnapshotLocation location, InputStream stdin) {
    Source source = location.snapshot()
        .map(Source::of)
        .orElseGet(() -> Source.of(location.describe(), stdin));
    Set<String> collections = new LinkedHashSet<>();
    return build(settings(source, collections), collections, new StreamedElements(source));
  }

  /**
   * The snapshot without its large collections; a collection that is not a list is an error here.
   * The settings are held whole, so together they may hold at most {@link DocumentReader#MAX_VALUES}
   * values: a section larger than that is a collection posture does not know, not a setting.
   *
   * @param collections receives the large collections the snapshot holds (a {@code null} one holds nothing)
   */
  private static Document settings(Source source, Set<String> collections) {
    DocumentReader.Budget budget = new DocumentReader.Budget("the settings (the sections but users, devices and mailboxes)",
        DocumentReader.MAX_VALUES);
    Map<String, Integer> lines = new HashMap<>();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    JsonParser parser = source.open();
    try (parser) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputException(source.name(), 1, null, "the file is empty; expected a snapshot with a 'tenant' section");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new InputException(source.name(), parser.currentTokenLocation().getLineNr(), "$",
            "expected a mapping of sections (tenant, subscribedSkus, users, ...)");
      }
      lines.put("$", parser.currentTokenLocation().getLineNr());
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        String path = "$." + name;
        int line = parser.currentTokenLocation().getLineNr();
        if (root.has(name) || lines.containsKey(path)) {
          throw new InputException(source.name(), line, path, "duplicate key '" + name + "'");
        }
        JsonToken value = parser.nextToken();
        if (collectionNamed(name) != null || UNREAD.contains(name)) {
          if (value != JsonToken.START_ARRAY && value != JsonToken.VALUE_NULL) {
            throw new InputException(source.name(), line, path, "expected a list, found " + (value == JsonToken.START_OBJECT ? "a mapping" : parser.getString()));
          }
          lines.put(path, line);
          if (value == JsonToken.START_ARRAY) {
            collections.add(name);
          }
          checkElementsAreMappings(source, parser, path);
        } else {
          root.set(name, DocumentReader.readValue(source.name(), parser, path, lines, budget));
          lines.put(path, line);
        }
      }
      if (parser.nextToken() != null) {
        throw new InputException(source.name(), parser.currentTokenLocation().getLineNr(), null,
            "unexpected content after the end of the document");
      }
    } catch (JacksonException e) {
      throw source.failure(e, parser);
    }
    return new Document(source.name(), root, lines);
  }

  /** Validates the shape of a collection while skipping it: every element must be a mapping. */
  private static void checkElementsAreMappings(Source source, JsonParser parser, String path) {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      return;
    }
    long index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw StreamedElements.notAMapping(source, parser, path + "[" + index + "]");
      }
      parser.skipChildren();
      index++;
    }
  }

  /** The settings are checked against the snapshot schema; elements are checked by the checks that read them. */
  static Snapshot build(Document document, Set<String> collections, Snapshot.Elements elements) {
    SchemaValidator.SNAPSHOT.validate(document);
    Node root = document.rootNode().object();
    TenantInfo tenant = tenant(root.field("tenant"));
    Map<String, Object> settings = new LinkedHashMap<>();
    Set<String> sections = new LinkedHashSet<>(collections);
    for (Map.Entry<String, JsonNode> e : document.root().properties()) {
      settings.put(e.getKey(), CelValues.of(e.getValue()));
      if (!e.getValue().isNull()) {
        sections.add(e.getKey());
      }
    }
    return new Snapshot(document.source(), tenant, settings, servicePlans(root.field("subscribedSkus")), elements,
        Set.copyOf(sections), Map.of());
  }

  /** The collection a top-level section holds, or null for a settings section. */
  static Collection collectionNamed(String section) {
    for (Collection c : Collection.values()) {
      if (c.section().equals(section)) {
        return c;
      }
    }
    return null;
  }

  private static TenantInfo tenant(Node node) {
    if (node.isMissing()) {
      throw node.error("missing required section 'tenant' (id, displayName, capturedAt)");
    }
    node.object();
    Integer seats = node.has("seats") ? node.wholeNumber("seats", 0, Integer.MAX_VALUE) : null;
    return new TenantInfo(
        node.text("id"),
        node.text("displayName"),
        node.optionalText("industry").orElse(""),
        seats,
        node.optionalText("capturedAt").orElse(""));
  }

  /** Enabled service plans of active subscriptions (Graph's subscribedSkus). */
  private static Set<String> servicePlans(Node subscribedSkus) {
    Set<String> plans = new LinkedHashSet<>();
    for (Node sku : subscribedSkus.items()) {
      sku.object();
      String capability = sku.optionalText("capabilityStatus").orElse("Enabled");
      if (!capability.equalsIgnoreCase("Enabled") && !capability.equalsIgnoreCase("Warning")) {
        continue;
      }
      for (Node plan : sku.field("servicePlans").items()) {
        plan.object();
        String status = plan.optionalText("provisioningStatus").orElse("Success");
        if (status.equalsIgnoreCase("Success")) {
          plans.add(plan.text("servicePlanName"));
        }
      }
    }
    return plans;
  }
}
