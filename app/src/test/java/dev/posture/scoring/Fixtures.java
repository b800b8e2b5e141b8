package dev.posture.scoring;

import dev.posture.catalog.Action;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.CheckFailedException;
import dev.posture.catalog.Collection;
import dev.posture.catalog.DeviceCategory;
import dev.posture.catalog.Expression;
import dev.posture.catalog.Level;
import dev.posture.catalog.Status;
import dev.posture.catalog.Tier;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.TenantInfo;
import dev.posture.state.ActionState;
import dev.posture.state.State;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Builders for scoring tests: actions with plain Java predicates instead of CEL. */
final class Fixtures {
  private Fixtures() {}

  static Expression expr(String text, Predicate<Map<String, Object>> predicate) {
    return new Expression() {
      @Override
      public String text() {
        return text;
      }

      @Override
      public Set<String> sections() {
        return Set.of();
      }

      @Override
      public boolean test(Map<String, Object> variables) {
        return predicate.test(variables);
      }
    };
  }

  /**
   * An expression over {@code tenant} that reads {@code sections} in order, as CEL does: it fails at
   * the first one the tenant lacks, and is true once it meets a section whose {@code on} is true (a
   * short-circuiting {@code ||}).
   */
  @SuppressWarnings("unchecked")
  static Expression anyOn(String... sections) {
    Set<String> read = new LinkedHashSet<>(List.of(sections));
    return new Expression() {
      @Override
      public String text() {
        return String.join(" || ", read.stream().map(s -> "tenant." + s + ".on").toList());
      }

      @Override
      public Set<String> sections() {
        return read;
      }

      @Override
      public boolean test(Map<String, Object> variables) {
        Map<String, Object> tenant = (Map<String, Object>) variables.get("tenant");
        for (String section : read) {
          if (!tenant.containsKey(section)) {
            throw new CheckFailedException("key '" + section + "' is not present in map");
          }
          if (Boolean.TRUE.equals(((Map<String, Object>) tenant.get(section)).get("on"))) {
            return true;
          }
        }
        return false;
      }
    };
  }

  static Expression constant(boolean value) {
    return expr(String.valueOf(value), vars -> value);
  }

  static Expression failing(String reason) {
    return expr("fails", vars -> {
      throw new CheckFailedException(reason);
    });
  }

  /** An element predicate reading a boolean field of the element named {@code variable}. */
  @SuppressWarnings("unchecked")
  static Expression field(String variable, String name) {
    return expr(variable + "." + name, vars -> (Boolean) ((Map<String, Object>) vars.get(variable)).get(name));
  }

  static ActionBuilder action(String id) {
    return new ActionBuilder(id);
  }

  static final class ActionBuilder {
    private final String id;
    private Category category = Category.IDENTITY;
    private double maxScore = 10;
    private boolean scored = true;
    private boolean deprecated;
    private Tier tier = Tier.CORE;
    private Level cost = Level.LOW;
    private Level impact = Level.LOW;
    private List<String> licenses = List.of();
    private Check check = new Check.Binary(constant(false), Optional.empty());
    private Optional<Action.Suggestion> suggestion = Optional.empty();

    ActionBuilder(String id) {
      this.id = id;
    }

    ActionBuilder category(Category value) {
      category = value;
      return this;
    }

    ActionBuilder max(double value) {
      maxScore = value;
      return this;
    }

    ActionBuilder notScored() {
      scored = false;
      return this;
    }

    ActionBuilder deprecated() {
      deprecated = true;
      return this;
    }

    ActionBuilder effort(Level implementationCost, Level userImpact, Tier complexity) {
      cost = implementationCost;
      impact = userImpact;
      tier = complexity;
      return this;
    }

    ActionBuilder licenses(String... plans) {
      licenses = List.of(plans);
      return this;
    }

    ActionBuilder passes(boolean value) {
      check = new Check.Binary(constant(value), Optional.empty());
      return this;
    }

    ActionBuilder check(Check value) {
      check = value;
      return this;
    }

    ActionBuilder suggest(Expression when, Status status) {
      suggestion = Optional.of(new Action.Suggestion(when, status, "because"));
      return this;
    }

    Action build() {
      return new Action(id, id + " title", category,
          category == Category.DEVICE ? Optional.of(DeviceCategory.SECURITY_CONTROLS) : Optional.empty(),
          "Product", maxScore, scored, deprecated, tier, cost, impact, List.of("Account breach"), licenses, "", List.of(),
          List.of(), "", List.of(), check, suggestion, new Action.Origin("test.yaml", 1));
    }
  }

  /** A snapshot held in memory, counting how often each collection is read. */
  static final class TestSnapshot {
    final Map<Collection, List<Map<String, Object>>> elements = new EnumMap<>(Collection.class);
    /** How many passes were made over which collections. */
    final Map<Set<Collection>, Integer> passes = new HashMap<>();
    Map<String, Object> settings = new HashMap<>();
    Set<String> servicePlans = Set.of();
    Map<String, String> notCollected = new HashMap<>();

    TestSnapshot users(int count, Predicate<Integer> covered) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Map<String, Object> user = new HashMap<>();
        user.put("userPrincipalName", "user" + i + "@example.com");
        user.put("protected", covered.test(i));
        list.add(user);
      }
      elements.put(Collection.USERS, list);
      return this;
    }

    TestSnapshot section(String name, boolean on) {
      settings.put(name, Map.of("on", on));
      return this;
    }

    TestSnapshot devices(List<Map<String, Object>> devices) {
      elements.put(Collection.DEVICES, devices);
      return this;
    }

    Snapshot build() {
      Set<String> sections = new HashSet<>(settings.keySet());
      elements.keySet().forEach(c -> sections.add(c.section()));
      return new Snapshot("test", new TenantInfo("t-1", "Test tenant", "", 10, "2026-11-01T00:00:00Z"), settings,
          servicePlans, (collections, visitor) -> {
            passes.merge(collections, 1, Integer::sum);
            for (Collection c : collections) {
              elements.getOrDefault(c, List.of()).forEach(e -> visitor.visit(c, e));
            }
          }, sections, notCollected);
    }
  }

  static State state(Map<String, Status> statuses) {
    Map<String, ActionState> actions = new HashMap<>();
    statuses.forEach((id, status) ->
        actions.put(id, new ActionState(status, List.of(), List.of(), Optional.empty(), List.of())));
    return new State(actions, List.of());
  }
}
