package dev.posture.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded, validated and compiled catalogue of improvement actions, in file order. */
public final class Catalog {
  private final List<Action> actions;
  private final List<String> sources;
  private final Map<String, Action> byId = new LinkedHashMap<>();

  public Catalog(List<Action> actions, List<String> sources) {
    this.actions = List.copyOf(actions);
    this.sources = List.copyOf(sources);
    for (Action a : actions) {
      byId.put(a.id(), a);
    }
  }

  public List<Action> actions() {
    return actions;
  }

  /** The files the actions came from. */
  public List<String> sources() {
    return sources;
  }

  public Optional<Action> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
