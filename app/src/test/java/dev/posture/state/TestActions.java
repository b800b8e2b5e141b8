package dev.posture.state;

import dev.posture.catalog.Action;
import dev.posture.catalog.Category;
import dev.posture.catalog.Check;
import dev.posture.catalog.DeviceCategory;
import dev.posture.catalog.Expression;
import dev.posture.catalog.Level;
import dev.posture.catalog.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Actions for state tests: only the id and the category matter to the rules. */
final class TestActions {
  private TestActions() {}

  static Action action(String id, Category category) {
    Expression never = new Expression() {
      @Override
      public String text() {
        return "false";
      }

      @Override
      public Set<String> sections() {
        return Set.of();
      }

      @Override
      public boolean test(Map<String, Object> variables) {
        return false;
      }
    };
    return new Action(id, id + " title", category,
        category == Category.DEVICE ? Optional.of(DeviceCategory.SECURITY_CONTROLS) : Optional.empty(),
        "Product", 10, true, false, Tier.CORE, Level.LOW, Level.LOW, List.of(), List.of(), "", List.of(), List.of(), "",
        List.of(), new Check.Binary(never, Optional.empty()), Optional.empty(), new Action.Origin("test.yaml", 1));
  }
}
