package dev.posture.state;

import dev.posture.catalog.Status;
import dev.posture.input.Document;
import dev.posture.input.DocumentReader;
import dev.posture.input.Node;
import dev.posture.input.SchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a state file. A missing file is an empty state; a broken one is an input error. */
public final class StateLoader {

  public State load(Path file) {
    if (!Files.exists(file)) {
      return State.EMPTY;
    }
    return parse(file.toString(), DocumentReader.readBytes(file));
  }

  /** Parses the bytes of a state file; {@code source} names it in messages. */
  public State parse(String source, byte[] bytes) {
    return read(DocumentReader.read(source, bytes, true, true));
  }

  State read(Document document) {
    SchemaValidator.STATE.validate(document);
    if (document.root().isNull()) {
      return State.EMPTY;
    }
    Node root = document.rootNode();
    Map<String, ActionState> actions = new LinkedHashMap<>();
    Node actionsNode = root.field("actions");
    if (!actionsNode.isMissing()) {
      for (String id : actionsNode.value().propertyNames()) {
        actions.put(id, action(actionsNode.field(id)));
      }
    }
    List<RemediationRequest> requests = new ArrayList<>();
    for (Node request : root.field("remediationRequests").items()) {
      requests.add(new RemediationRequest(
          request.text("action"),
          date(request.field("due")).orElseThrow(() -> request.error("missing required field 'due'")),
          request.optionalText("owner").orElse(""),
          request.optionalText("note").orElse(""),
          request.optionalText("requestedBy").orElse(""),
          request.optionalText("requestedAt").orElse(""),
          ending(request, RemediationRequest.Kind.CLOSED).or(() -> ending(request, RemediationRequest.Kind.WITHDRAWN))));
    }
    List<Goal> goals = new ArrayList<>();
    for (Node goal : root.field("goals").items()) {
      goals.add(new Goal(goal.text("view"), goal.number("target"),
          date(goal.field("by")).orElseThrow(() -> goal.error("missing required field 'by'")),
          goal.optionalText("setBy").orElse(""), goal.optionalText("setAt").orElse("")));
    }
    Node zones = root.field("zones");
    Optional<Zones> bands = Optional.empty();
    if (!zones.isMissing()) {
      double red = zones.number("redUnder");
      double amber = zones.number("amberUnder");
      if (red > amber) {
        throw zones.error("redUnder (" + red + ") is above amberUnder (" + amber + "); expected red under amber under green");
      }
      bands = Optional.of(new Zones(red, amber));
    }
    return new State(actions, requests, goals, bands);
  }

  private static Optional<RemediationRequest.Ending> ending(Node request, RemediationRequest.Kind kind) {
    Node ending = request.field(kind.label());
    return ending.isMissing() ? Optional.empty() : Optional.of(new RemediationRequest.Ending(kind,
        ending.optionalText("by").orElse(""), ending.text("at"), ending.optionalText("note").orElse("")));
  }

  private static ActionState action(Node node) {
    Status status = node.has("status") ? settable(node.field("status")) : Status.TO_ADDRESS;
    List<ActionState.Note> notes = new ArrayList<>();
    for (Node note : node.field("notes").items()) {
      if (note.value().isString()) {
        notes.add(new ActionState.Note(note.asText(), "", ""));
      } else {
        notes.add(new ActionState.Note(note.text("text"), note.optionalText("by").orElse(""), note.optionalText("at").orElse("")));
      }
    }
    List<ActionState.Change> history = new ArrayList<>();
    for (Node change : node.field("history").items()) {
      history.add(new ActionState.Change(
          change.text("at"),
          change.optionalText("by").orElse(""),
          settable(change.field("from")),
          settable(change.field("to")),
          change.optionalText("note").orElse(""),
          date(change.field("reviewBy"))));
    }
    List<ActionState.DeviceGroupException> exceptions = new ArrayList<>();
    for (Node exception : node.field("deviceGroupExceptions").items()) {
      exceptions.add(new ActionState.DeviceGroupException(
          exception.text("group"),
          settable(exception.field("status")),
          exception.text("note"),
          date(exception.field("reviewBy")),
          exception.optionalText("by").orElse(""),
          exception.optionalText("at").orElse("")));
    }
    return new ActionState(status, notes, node.texts("tags"), date(node.field("reviewBy")), history, exceptions);
  }

  private static Status settable(Node node) {
    Status status = node.asChoice(Status.values());
    if (!status.settable()) {
      throw node.error(status + " is derived from the data and cannot be recorded; expected to-address, planned, risk-accepted, third-party or alternate-mitigation");
    }
    return status;
  }

  private static Optional<LocalDate> date(Node node) {
    if (node.isMissing()) {
      return Optional.empty();
    }
    String text = node.asText();
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw node.error("expected a date such as 2027-03-31, found '" + text + "'");
    }
  }
}
