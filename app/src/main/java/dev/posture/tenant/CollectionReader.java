package dev.posture.tenant;

import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.Node;
import dev.posture.input.SchemaValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code collection.json}; a broken one is an input error naming the file, line and JSON path. */
public final class CollectionReader {

  public CollectionRecord read(Path file) {
    return read(DocumentReader.read(file));
  }

  CollectionRecord read(Document document) {
    SchemaValidator.COLLECTION.validate(document);
    Node root = document.rootNode();
    List<CollectionRecord.Section> sections = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node section : root.field("sections").items()) {
      String name = section.text("name");
      if (!names.add(name)) {
        throw section.field("name").error("the section '" + name + "' is recorded twice");
      }
      sections.add(new CollectionRecord.Section(name, section.bool("collected", false), whole(section, "count"),
          whole(section, "milliseconds"), section.optionalText("reason"), whole(section, "httpStatus").map(Long::intValue),
          section.optionalText("errorCode"), section.optionalText("permission"), section.texts("endpoints")));
    }
    return new CollectionRecord(document.source(), text(root, "tool"), text(root, "source"), root.optionalText("tenantId"),
        root.optionalText("cloud"), text(root, "startedAt"), text(root, "finishedAt"), sections);
  }

  /** A whole number the schema has checked already. */
  private static Optional<Long> whole(Node section, String name) {
    return section.has(name) ? Optional.of((long) section.number(name)) : Optional.empty();
  }

  private static String text(Node root, String name) {
    return root.optionalText(name).orElse("");
  }
}
