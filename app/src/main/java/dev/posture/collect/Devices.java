package dev.posture.collect;

import dev.posture.tenant.SnapshotWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code devices} section: Defender for Endpoint's machines, each with the configuration ids of
 * its {@code SecureConfigurationsAssessmentByMachine} rows, split by compliance. Machines and rows are
 * spilled by partition as they arrive and joined one partition at a time.
 */
final class Devices {
  /** Rows a page: the API's own default, and a fifth of its largest page. */
  static final int ASSESSMENT_PAGE = 50_000;

  private final Collector.Context context;
  private final Partitions machines;
  private final Partitions configurations;

  Devices(Collector.Context context, Path spill) {
    this.context = context;
    this.machines = new Partitions(spill, "machines");
    this.configurations = new Partitions(spill, "configurations");
  }

  void gather(List<String> endpoints) {
    URI defender = context.base(Service.DEFENDER);
    URI list = URI.create(defender + "/api/machines?$top=10000");
    endpoints.add("GET " + defender + "/api/machines");
    long[] seen = {0};
    // no recent machines: Defender answers 404, which is no devices
    context.pages(Service.DEFENDER, list, "Machine.Read.All", null, machine -> {
      machines.add(key(machine.path("id").asString("")), Json.MAPPER.writeValueAsString(machine));
      seen[0]++;
    }, page -> context.progress("devices", seen[0], null));
    URI assessments = URI.create(defender + "/api/machines/SecureConfigurationsAssessmentByMachine?pageSize=" + ASSESSMENT_PAGE);
    endpoints.add("GET " + defender + "/api/machines/SecureConfigurationsAssessmentByMachine");
    long[] rows = {0};
    context.pages(Service.DEFENDER, assessments, "Vulnerability.Read.All", null, row -> {
      if (row.path("isApplicable").asBoolean(false) && row.path("configurationId").isString()) {
        String device = key(row.path("deviceId").asString(""));
        configurations.add(device, device + "\t" + row.path("configurationId").stringValue() + "\t"
            + (row.path("isCompliant").asBoolean(false) ? 'c' : 'n'));
      }
      rows[0]++;
    }, page -> context.progress("configuration assessments", rows[0], null));
    machines.finish();
    configurations.finish();
  }

  void write(SnapshotWriter.Elements out) {
    for (int p = 0; p < Partitions.COUNT; p++) {
      Map<String, TreeSet<String>[]> byDevice = new HashMap<>();
      Map<String, String> ids = new HashMap<>(); // one copy of each configuration id
      configurations.lines(p, line -> {
        String[] f = line.split("\t", 3);
        @SuppressWarnings("unchecked")
        TreeSet<String>[] split = byDevice.computeIfAbsent(f[0], k -> new TreeSet[] {new TreeSet<>(), new TreeSet<>()});
        split[f[2].equals("c") ? 0 : 1].add(ids.computeIfAbsent(f[1], k -> k));
      });
      machines.lines(p, line -> {
        ObjectNode machine = (ObjectNode) Json.MAPPER.readTree(line);
        TreeSet<String>[] split = byDevice.get(key(machine.path("id").asString("")));
        ObjectNode secure = machine.putObject("secureConfigurations");
        secure.set("compliant", Json.MAPPER.valueToTree(split == null ? List.of() : new ArrayList<>(split[0])));
        secure.set("nonCompliant", Json.MAPPER.valueToTree(split == null ? List.of() : new ArrayList<>(split[1])));
        out.add(machine);
      });
    }
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
