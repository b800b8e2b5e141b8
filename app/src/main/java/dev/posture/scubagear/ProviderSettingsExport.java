package dev.posture.scubagear;

import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ScubaGear's {@code ProviderSettingsExport.json}, read with posture's reader (a UTF-8 byte-order mark
 * and CRLF line ends are PowerShell's and fine; invalid or truncated JSON is an input error naming
 * the file and line). Values are reached by key, with the line and JSON path of each for messages.
 */
final class ProviderSettingsExport {
  private static final String SUCCESSFUL = "_successful_commands";
  private static final String UNSUCCESSFUL = "_unsuccessful_commands";

  private final Node root;

  private ProviderSettingsExport(Node root) {
    this.root = root;
  }

  /** @throws dev.posture.input.InputException when the file is not JSON, or not a ScubaGear export (saying what it looks like) */
  static ProviderSettingsExport read(Path file) {
    Document document = DocumentReader.read(file.toString(), DocumentReader.readBytes(file), false, true);
    Lookalikes.requireScubaGear(document);
    return new ProviderSettingsExport(document.rootNode());
  }

  /** The version of ScubaGear that wrote it ({@code module_version}), when it says. */
  Optional<String> moduleVersion() {
    return text("module_version");
  }

  /** {@code ScubaGear 1.8.0 ProviderSettingsExport}: the source {@code collection.json} records. */
  String source() {
    return "ScubaGear " + moduleVersion().map(v -> v + " ").orElse("") + "ProviderSettingsExport";
  }

  boolean has(String key) {
    return !root.field(key).isMissing();
  }

  Node node(String key) {
    return root.field(key);
  }

  Optional<String> text(String key) {
    Node node = root.field(key);
    return node.isMissing() || !node.value().isString() || node.value().stringValue().isBlank()
        ? Optional.empty() : Optional.of(node.value().stringValue());
  }

  /**
   * The objects under {@code key}: a list, or one object standing for a list of one (as {@code
   * ConvertTo-Json} writes it); the nulls of a cmdlet that returned nothing are left out.
   *
   * @param what what each element is, for messages: "a conditional access policy"
   */
  List<Node> objects(String key, String what) {
    return objects(root.field(key), what);
  }

  static List<Node> objects(Node node, String what) {
    if (node.isMissing()) {
      return List.of();
    }
    if (node.value().isObject()) {
      return List.of(node);
    }
    if (!node.value().isArray()) {
      throw node.error("expected a list of " + plural(what) + ", found " + node.describe());
    }
    List<Node> out = new ArrayList<>();
    for (Node item : node.items()) {
      if (item.isMissing()) {
        continue;
      }
      if (!item.value().isObject()) {
        throw item.error("expected " + article(what) + " (a mapping), found " + item.describe());
      }
      out.add(item);
    }
    return out;
  }

  /** The one object under {@code key}, or none when its list is empty; more than one is an error. */
  Optional<Node> object(String key, String what) {
    List<Node> all = objects(key, what);
    if (all.size() > 1) {
      throw root.field(key).error("expected one " + what + ", found " + all.size());
    }
    return all.stream().findFirst();
  }

  /** The products ScubaGear ran: those {@code scuba_config.ProductNames} names, else those that wrote their commands. */
  Set<Product> products() {
    Set<Product> ran = EnumSet.noneOf(Product.class);
    Node names = root.field("scuba_config").field("ProductNames");
    if (root.field("scuba_config").value() != null && root.field("scuba_config").value().isObject() && names.value() != null
        && names.value().isArray()) {
      for (Node name : names.items()) {
        if (name.value().isString() && Product.named(name.value().stringValue()) != null) {
          ran.add(Product.named(name.value().stringValue()));
        }
      }
    }
    if (ran.isEmpty()) {
      for (String key : root.value().propertyNames()) {
        if (key.endsWith(SUCCESSFUL) && !key.endsWith(UNSUCCESSFUL)) {
          Product p = Product.named(key.substring(0, key.length() - SUCCESSFUL.length()));
          if (p != null) {
            ran.add(p);
          }
        }
      }
    }
    return ran;
  }

  /** The cmdlets ScubaGear could not run, each with the {@code *_unsuccessful_commands} key that lists it. */
  Map<String, String> failedCommands() {
    Map<String, String> failed = new LinkedHashMap<>();
    for (String key : root.value().propertyNames()) {
      if (key.endsWith(UNSUCCESSFUL)) {
        Node list = root.field(key);
        if (list.isMissing()) {
          continue;
        }
        if (!list.value().isArray()) {
          throw list.error("expected a list of the commands ScubaGear could not run, found " + list.describe());
        }
        for (Node command : list.items()) {
          if (!command.isMissing()) {
            failed.putIfAbsent(command.asText(), key);
          }
        }
      }
    }
    return failed;
  }

  /** A flag ScubaGear writes ({@code defender_license}); empty when absent. */
  Optional<Boolean> flag(String key) {
    Node node = root.field(key);
    if (node.isMissing()) {
      return Optional.empty();
    }
    if (!node.value().isBoolean()) {
      throw node.error("expected true or false, found " + node.describe());
    }
    return Optional.of(node.value().booleanValue());
  }

  static String article(String what) {
    return ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
  }

  static String plural(String what) {
    return what.endsWith("y") ? what.substring(0, what.length() - 1) + "ies" : what + "s";
  }
}
