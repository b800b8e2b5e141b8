package dev.posture.report;

import java.io.PrintWriter;

/**
 * Writes one subject (an assessment, a list of actions, ...) in one format. What comes from the
 * inputs is made safe by the renderer, by its format's own rules: escaped in JSON, Markdown, CSV and
 * XML, made {@link Printable} in text for a terminal.
 */
@FunctionalInterface
public interface Renderer<S> {
  void render(S subject, OutputContext context, PrintWriter out);
}
