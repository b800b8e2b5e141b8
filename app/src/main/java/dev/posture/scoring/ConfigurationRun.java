package dev.posture.scoring;

import dev.posture.catalog.Check;
import dev.posture.catalog.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The running count of Defender for Endpoint secure configurations over the devices: for each
 * configuration, the devices it applies to and those that comply, read from each device's
 * {@code secureConfigurations} ({@code compliant} and {@code nonCompliant} lists of configuration ids).
 * One device is read once for all configurations, whatever their number.
 */
final class ConfigurationRun {
  static final String FIELD = "secureConfigurations";

  private final Check.Configuration check;
  private final Consumer<Map<String, Object>> uncovered;
  private long eligible;
  private long covered;
  /** The last device counted, so an id listed twice for one device counts once. */
  private long lastDevice = -1;
  private String error;

  ConfigurationRun(Check.Configuration check, Consumer<Map<String, Object>> uncovered) {
    this.check = check;
    this.uncovered = uncovered;
  }

  ConfigurationRun(Check.Configuration check) {
    this(check, element -> { });
  }

  /** Counts one device for every run, by the configuration ids it lists. */
  static final class Pass {
    private final Map<String, ConfigurationRun> byId = new HashMap<>();
    private final List<ConfigurationRun> runs;

    Pass(List<ConfigurationRun> runs) {
      this.runs = runs;
      for (ConfigurationRun run : runs) {
        byId.merge(run.check.configurationId(), run, (first, second) -> first);
      }
    }

    boolean isEmpty() {
      return runs.isEmpty();
    }

    /** @param index the device's place in the snapshot, for messages */
    void accept(Map<String, Object> device, long index) {
      Object configurations = device.get(FIELD);
      if (configurations == null) {
        return;
      }
      if (!(configurations instanceof Map<?, ?> lists)) {
        failAll(device, index, FIELD + " is not a mapping of compliant and nonCompliant configuration ids");
        return;
      }
      count(lists.get("compliant"), true, device, index);
      count(lists.get("nonCompliant"), false, device, index);
    }

    private void count(Object ids, boolean compliant, Map<String, Object> device, long index) {
      if (ids == null) {
        return;
      }
      if (!(ids instanceof List<?> list)) {
        failAll(device, index, FIELD + "." + (compliant ? "compliant" : "nonCompliant") + " is not a list of configuration ids");
        return;
      }
      for (Object id : list) {
        ConfigurationRun run = byId.get(id);
        if (run != null && run.error == null && run.lastDevice != index) {
          run.lastDevice = index;
          run.eligible++;
          if (compliant) {
            run.covered++;
          } else {
            run.uncovered.accept(device);
          }
        }
      }
    }

    private void failAll(Map<String, Object> device, long index, String problem) {
      String failure = CoverageRun.at(Collection.DEVICES, index, device) + ": " + problem;
      for (ConfigurationRun run : runs) {
        if (run.error == null) {
          run.error = failure;
        }
      }
    }
  }

  Coverage coverage() {
    return new Coverage(covered, eligible);
  }

  long eligible() {
    return eligible;
  }

  Optional<String> error() {
    return Optional.ofNullable(error);
  }
}
