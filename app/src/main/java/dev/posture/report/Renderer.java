package dev.posture.report;

import java.io.PrintWriter;

/** Writes a report in one format. */
@FunctionalInterface
public interface Renderer {
  void render(Report report, PrintWriter out);
}
