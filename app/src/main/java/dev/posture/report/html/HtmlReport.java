package dev.posture.report.html;

import dev.posture.report.OutputContext;
import dev.posture.report.Renderer;
import dev.posture.report.Report;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The assessment as one self-contained HTML page: its style, script and charts inline, a
 * Content-Security-Policy that allows those and nothing else, so it opens from a disk or a mail
 * attachment and asks for nothing. The template ({@code src/main/jte/html/report.jte}) is compiled to
 * Java at build time and escapes every value for where it goes.
 */
public final class HtmlReport implements Renderer<Report> {
  private static final Page.Head HEAD = head(resource("report.css"), resource("report.js"));

  @Override
  public void render(Report report, OutputContext context, PrintWriter out) {
    Page page = Pages.of(report, HEAD);
    TemplateEngine.createPrecompiled(ContentType.Html).render("html/report.jte", page, new WriterOutput(out));
  }

  /** The policy names the hashes of the one style and the one script; everything else is refused. */
  static Page.Head head(String style, String script) {
    String csp = "default-src 'none'; style-src '" + sha256(style) + "'; script-src '" + sha256(script)
        + "'; img-src data:; base-uri 'none'; form-action 'none'";
    return new Page.Head(csp, style, script);
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the page's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
