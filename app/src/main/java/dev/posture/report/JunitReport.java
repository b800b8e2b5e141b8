package dev.posture.report;

import dev.posture.catalog.Category;
import dev.posture.catalog.Status;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.state.ActionState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The assessment as JUnit XML, so CI systems show it with their own test views: one test suite per
 * category, one test case per action.
 *
 * <ul>
 *   <li>passed: all its points, or resolved through a third party or an alternate mitigation;
 *   <li>failure: fewer points than its maximum (To address, Planned, Regressed);
 *   <li>error: its check could not be decided from the snapshot;
 *   <li>skipped: not scored, deprecated, not counted (Device actions without the Defender for Endpoint
 *       connector), or the risk was accepted, with the reason.
 * </ul>
 */
final class JunitReport implements Renderer<Report> {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  /** Characters XML 1.0 cannot carry at all, even escaped; a snapshot could hold them. */
  private static final Pattern NOT_XML = Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

  @Override
  public void render(Report report, OutputContext context, PrintWriter out) {
    Assessment assessment = report.assessment();
    // for Graph exports, each category's test suite carries Microsoft's numbers and the comparisons as properties
    Function<Category, Map<String, String>> properties = category -> report.graph()
        .map(graph -> GraphMessages.properties(graph, category)).orElse(Map.of());
    Map<Category, List<ActionResult>> byCategory = new TreeMap<>();
    for (Category c : Category.values()) {
      List<ActionResult> actions = assessment.actions().stream().filter(r -> r.category() == c).toList();
      if (!actions.isEmpty()) {
        byCategory.put(c, actions);
      }
    }
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", xmlSafe("posture " + assessment.tenant().displayName()));
      counts(xml, assessment.actions());
      for (Map.Entry<Category, List<ActionResult>> suite : byCategory.entrySet()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.getKey().label());
        counts(xml, suite.getValue());
        properties(xml, properties.apply(suite.getKey()));
        for (ActionResult r : suite.getValue()) {
          testCase(xml, r, report.state().of(r.id()));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.writeCharacters("\n");
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    out.flush();
  }

  private static void properties(XMLStreamWriter xml, Map<String, String> properties) throws XMLStreamException {
    if (properties.isEmpty()) {
      return;
    }
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    for (Map.Entry<String, String> p : properties.entrySet()) {
      xml.writeCharacters("\n      ");
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", xmlSafe(p.getKey()));
      xml.writeAttribute("value", xmlSafe(p.getValue()));
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static void counts(XMLStreamWriter xml, List<ActionResult> actions) throws XMLStreamException {
    xml.writeAttribute("tests", String.valueOf(actions.size()));
    xml.writeAttribute("failures", String.valueOf(actions.stream().filter(r -> outcome(r) == Outcome.FAILURE).count()));
    xml.writeAttribute("errors", String.valueOf(actions.stream().filter(r -> outcome(r) == Outcome.ERROR).count()));
    xml.writeAttribute("skipped", String.valueOf(actions.stream().filter(r -> outcome(r) == Outcome.SKIPPED).count()));
  }

  private static void testCase(XMLStreamWriter xml, ActionResult r, ActionState state) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "posture." + r.category().label());
    xml.writeAttribute("name", xmlSafe(r.id() + ": " + r.action().title()));
    Outcome outcome = outcome(r);
    if (outcome != Outcome.PASSED) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement(outcome.element);
      xml.writeAttribute("message", xmlSafe(message(r, state)));
      if (outcome != Outcome.SKIPPED) {
        xml.writeAttribute("type", r.status().label());
        xml.writeCharacters(xmlSafe(details(r)));
      }
      xml.writeEndElement();
      xml.writeCharacters("\n    ");
    }
    xml.writeEndElement();
  }

  /** Why it failed or was skipped; for an accepted risk, the note recorded when it was accepted. */
  private static String message(ActionResult r, ActionState state) {
    if (!r.action().scored()) {
      return "Not scored: shown, never counted";
    }
    if (r.action().deprecated()) {
      return "Deprecated: no longer counted";
    }
    if (!r.countedInOverall()) {
      return "Not counted: Device actions count only with the Defender for Endpoint Secure Score connector on";
    }
    if (r.status() == Status.ERROR) {
      return "Error: " + r.error().orElse("");
    }
    if (r.status() == Status.NOT_ASSESSED) {
      return "Not assessed: " + r.notAssessed().orElse("");
    }
    String message = r.status().label() + ": " + Numbers.points(r.points()) + " of " + Numbers.points(r.action().maxScore()) + " points";
    if (r.status() == Status.RISK_ACCEPTED) {
      String why = state.history().stream().filter(c -> c.to() == Status.RISK_ACCEPTED && !c.note().isEmpty())
          .reduce((first, second) -> second).map(ActionState.Change::note).orElse("");
      return why.isEmpty() ? message : message + ". " + why;
    }
    return message;
  }

  private static String details(ActionResult r) {
    StringBuilder text = new StringBuilder();
    r.error().ifPresent(e -> text.append(e).append('\n'));
    r.coverage().ifPresent(c -> text.append(c.covered()).append(" of ").append(c.eligible()).append(" covered\n"));
    List<String> steps = r.action().remediation();
    for (int i = 0; i < steps.size(); i++) {
      text.append(i + 1).append(". ").append(steps.get(i)).append('\n');
    }
    if (!r.action().actionUrl().isEmpty()) {
      text.append(r.action().actionUrl()).append('\n');
    }
    return text.toString();
  }

  /** XML 1.0 holds every character but a few controls; of the rest, those a terminal acts on are made inert too. */
  private static String xmlSafe(String text) {
    return Printable.inert(NOT_XML.matcher(text).replaceAll("\uFFFD"));
  }

  private static Outcome outcome(ActionResult r) {
    if (!r.countedInOverall() || r.status() == Status.RISK_ACCEPTED || r.status() == Status.NOT_ASSESSED) {
      return Outcome.SKIPPED;
    }
    if (r.status() == Status.ERROR) {
      return Outcome.ERROR;
    }
    return r.remaining() > 0 && !r.status().resolvedElsewhere() ? Outcome.FAILURE : Outcome.PASSED;
  }

  private enum Outcome {
    PASSED(null),
    FAILURE("failure"),
    ERROR("error"),
    SKIPPED("skipped");

    final String element;

    Outcome(String element) {
      this.element = element;
    }
  }
}
