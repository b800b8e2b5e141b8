package dev.posture.catalog;

import dev.posture.input.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service plans posture knows by name. A licence outside this list is almost always a typo, and
 * a typo silently makes an action unlicensed for every tenant.
 */
public final class ServicePlans {
  private static final Set<String> KNOWN = load();

  private ServicePlans() {}

  public static Set<String> known() {
    return KNOWN;
  }

  /** Fails on the first action that needs a service plan not in the list. */
  public static void requireKnown(Catalog catalog) {
    for (Action action : catalog.actions()) {
      for (String plan : action.licenses()) {
        if (!KNOWN.contains(plan)) {
          throw new InputException(action.origin().file(), action.origin().line(), null,
              "action " + action.id() + ": unknown service plan '" + plan + "' in licenses; expected a servicePlanName such as "
                  + "AAD_PREMIUM, ATP_ENTERPRISE or WINDEFATP (posture knows " + KNOWN.size() + ")");
        }
      }
    }
  }

  private static Set<String> load() {
    Set<String> plans = new TreeSet<>();
    try (InputStream in = ServicePlans.class.getResourceAsStream("service-plans.txt");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(plans::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(plans);
  }
}
