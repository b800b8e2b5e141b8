package dev.posture.collect;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** The one mapper of the collector: plain trees, bounded like every other reader of posture. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(1 << 24).build())
      .build()).build();

  private Json() {}
}
