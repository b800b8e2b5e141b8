package dev.posture.report;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The formats one subject is printed in, one renderer each. A format is one entry here: the
 * commands that print the subject offer what its registry holds.
 */
public final class Renderers<S> {
  private final Map<Format, Renderer<S>> byFormat;

  private Renderers(Map<Format, Renderer<S>> byFormat) {
    this.byFormat = Collections.unmodifiableMap(byFormat);
  }

  public static <S> Builder<S> builder() {
    return new Builder<>();
  }

  /** The formats the subject prints in. */
  public Set<Format> formats() {
    return byFormat.keySet();
  }

  public boolean prints(Format format) {
    return byFormat.containsKey(format);
  }

  /** @throws IllegalArgumentException for a format the subject has no renderer for (a command offering what it cannot print) */
  public void render(Format format, S subject, OutputContext context, PrintWriter out) {
    Renderer<S> renderer = byFormat.get(format);
    if (renderer == null) {
      throw new IllegalArgumentException("no " + format.key() + " renderer for " + subject.getClass().getSimpleName());
    }
    renderer.render(subject, context, out);
    out.flush();
  }

  public static final class Builder<S> {
    private final Map<Format, Renderer<S>> byFormat = new EnumMap<>(Format.class);

    private Builder() {}

    public Builder<S> add(Format format, Renderer<S> renderer) {
      if (byFormat.putIfAbsent(format, renderer) != null) {
        throw new IllegalArgumentException(format + " is registered twice");
      }
      return this;
    }

    public Renderers<S> build() {
      return new Renderers<>(new EnumMap<>(byFormat));
    }
  }
}
