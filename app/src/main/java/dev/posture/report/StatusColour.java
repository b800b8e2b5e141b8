package dev.posture.report;

import dev.posture.catalog.Status;
import dev.posture.input.Node;
import java.util.function.UnaryOperator;

/**
 * Terminal colours for statuses: green when the points are in, yellow when planned, red when
 * something is to do or went wrong, dim when the risk was accepted. Plain ANSI escapes, so renderers
 * need no terminal library; the command decides whether colour is wanted at all.
 */
final class StatusColour {
  private static final String RESET = "\u001B[0m";

  private StatusColour() {}

  /** Colours a cell holding a status label; identity when colour is off. */
  static UnaryOperator<String> of(boolean colour) {
    return colour ? StatusColour::paint : UnaryOperator.identity();
  }

  private static String paint(String label) {
    return Node.match(label, Status.values()).map(s -> code(s) + label + RESET).orElse(label);
  }

  private static String code(Status status) {
    return switch (status) {
      case COMPLETED, THIRD_PARTY, ALTERNATE_MITIGATION -> "\u001B[32m";
      case PLANNED -> "\u001B[33m";
      case TO_ADDRESS -> "\u001B[31m";
      case REGRESSED, ERROR -> "\u001B[1;31m";
      case RISK_ACCEPTED, NOT_ASSESSED -> "\u001B[2m";
    };
  }
}
