package dev.posture.snapshot;

import dev.posture.input.Node;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.databind.JsonNode;

/**
 * How a generated element gets one field: a number in the profile is the share of elements where
 * the field is true; a list of {@code [value, weight]} pairs is a weighted pick among values.
 */
sealed interface Draw {
  void write(JsonGenerator json, SerializableString name, SplittableRandom random);

  static Draw read(Node node) {
    return node.value() != null && node.value().isNumber() ? new Share(share(node)) : new Pick(Weighted.read(node, Node::value));
  }

  /** A number from zero to one. */
  static double share(Node node) {
    double share = node.value() != null && node.value().isNumber() ? node.value().doubleValue() : -1;
    if (share < 0 || share > 1) {
      throw node.error("expected a share from 0 to 1, found " + node.describe());
    }
    return share;
  }

  record Share(double rate) implements Draw {
    @Override
    public void write(JsonGenerator json, SerializableString name, SplittableRandom random) {
      json.writeName(name);
      json.writeBoolean(random.nextDouble() < rate);
    }
  }

  record Pick(Weighted<JsonNode> values) implements Draw {
    @Override
    public void write(JsonGenerator json, SerializableString name, SplittableRandom random) {
      JsonNode value = values.pick(random);
      json.writeName(name);
      // Scalars directly: the tree writer is markedly slower, and a device has a score of fields.
      if (value.isString()) {
        json.writeString(value.stringValue());
      } else if (value.isIntegralNumber()) {
        json.writeNumber(value.longValue());
      } else {
        json.writeTree(value);
      }
    }
  }
}
