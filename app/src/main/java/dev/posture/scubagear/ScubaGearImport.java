package dev.posture.scubagear;

import dev.posture.input.AtomicFile;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import dev.posture.tenant.CollectionRecord;
import dev.posture.tenant.CollectionWriter;
import dev.posture.tenant.SnapshotWriter;
import dev.posture.tenant.Staging;
import dev.posture.tenant.TenantFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ScubaGear {@code ProviderSettingsExport.json} read as a tenant: every snapshot section it holds,
 * as the Microsoft API returns it, and for every other one why it is not there (see {@code
 * docs/scubagear.md}). A failure the export records (a command ScubaGear could not run, a count of
 * -1) is a warning, and the sections it would have fed are not collected, with that reason.
 */
public final class ScubaGearImport {
  /** Why a section no ScubaGear version exports is not collected. */
  static final String NOT_EXPORTED = "not in any ScubaGear export";
  /** What the cmdlets {@code Get-Command} does not find without the licence stand for: not a failure. */
  private static final Map<String, Pattern> LICENSED = Map.of(
      "defender_license", Pattern.compile("Get-(AtpPolicyForO365|ATPProtectionPolicyRule|SafeLinks(Policy|Rule)|SafeAttachment(Policy|Rule))"),
      "defender_dlp_license", Pattern.compile("Get-(DlpCompliancePolicy|DlpComplianceRule|ProtectionAlert)"));
  private static final Map<String, String> LICENCES = Map.of(
      "defender_license", "the tenant has no Defender for Office 365 (defender_license is false)",
      "defender_dlp_license", "the tenant has no Purview data loss prevention (defender_dlp_license is false)");
  private static final Map<String, String> CLOUDS = Map.of("commercial", "global", "gcc", "usgov", "gcchigh", "usgov-high",
      "dod", "dod");

  /**
   * One snapshot section as the import found it.
   *
   * @param count the elements of a list; empty for a single object, or when not found
   * @param notFound why the export does not give it; empty when it does
   */
  public record Section(String name, Optional<Long> count, Optional<String> notFound) {
    public boolean found() {
      return notFound.isEmpty();
    }
  }

  private final String source;
  private final TenantDetails.Identity tenant;
  private final Optional<String> cloud;
  private final Map<String, JsonNode> values = new LinkedHashMap<>();
  private final List<Section> sections = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private ScubaGearImport(ProviderSettingsExport export) {
    this.source = export.source();
    this.tenant = TenantDetails.identity(export, warnings::add);
    this.cloud = cloud(export.node("scuba_config").field("M365Environment"));
    Map<String, String> failed = export.failedCommands();
    Map<String, List<String>> unfed = new LinkedHashMap<>();
    failed.keySet().forEach(c -> unfed.put(c, new ArrayList<>()));
    Set<Product> products = export.products();
    for (Sections.Section section : Sections.ALL) {
      Optional<String> notFound = read(export, section, products, failed, unfed);
      JsonNode value = values.get(section.name());
      sections.add(new Section(section.name(), value != null && value.isArray() ? Optional.of((long) value.size()) : Optional.empty(),
          notFound));
    }
    unfed.forEach((cmdlet, fed) -> {
      if (licence(export, cmdlet).isEmpty()) {
        warnings.add(failed.get(cmdlet) + ": ScubaGear could not run " + cmdlet + "; " + (fed.isEmpty() ? "no section is made from it"
            : String.join(", ", fed) + (fed.size() == 1 ? " is" : " are") + " not collected"));
      }
    });
    userCount(export.node("total_user_count"));
  }

  /** Microsoft's cloud as posture names it, from ScubaGear's {@code -M365Environment}. */
  private static Optional<String> cloud(Node environment) {
    return environment.value() != null && environment.value().isString()
        ? Optional.ofNullable(CLOUDS.get(environment.value().stringValue().toLowerCase(Locale.ROOT))) : Optional.empty();
  }

  /** @throws InputException when the file is not a ScubaGear export, not JSON, or holds a value of the wrong type */
  public static ScubaGearImport read(Path file) {
    return new ScubaGearImport(ProviderSettingsExport.read(file));
  }

  /** Fills the section's value, or says why the export does not give it; a failed command it needs is noted in {@code unfed}. */
  private Optional<String> read(ProviderSettingsExport export, Sections.Section section, Set<Product> products,
      Map<String, String> failed, Map<String, List<String>> unfed) {
    if (section.sources().isEmpty()) {
      return Optional.of(NOT_EXPORTED);
    }
    Product product = section.sources().get(0).product();
    if (!products.contains(product)) {
      return Optional.of("ScubaGear was run without " + product.describe());
    }
    Optional<Sections.Source> source = section.sources().stream().filter(s -> export.has(s.keys().get(0))).findFirst();
    List<Sections.Source> candidates = source.map(List::of).orElse(section.sources());
    Optional<String> failure = failed.keySet().stream()
        .filter(cmdlet -> candidates.stream().anyMatch(s -> s.cmdlets().matcher(cmdlet).matches())).findFirst();
    if (failure.isPresent()) {
      unfed.get(failure.get()).add(section.name());
      return Optional.of(licence(export, failure.get())
          .orElse("ScubaGear could not run " + failure.get() + " (" + failed.get(failure.get()) + ")"));
    }
    if (source.isEmpty()) {
      return Optional.of("the export has no " + String.join(" or ", section.sources().stream().map(s -> s.keys().get(0)).toList()));
    }
    Mapped mapped = source.get().map().apply(export);
    if (mapped instanceof Mapped.Missing missing) {
      missing.warning().ifPresent(warnings::add);
      return Optional.of(missing.reason());
    }
    Mapped.Found found = (Mapped.Found) mapped;
    values.put(section.name(), found.value());
    warnings.addAll(found.warnings());
    return Optional.empty();
  }

  /** Why a command did not run when the tenant lacks the licence it needs, which is no failure. */
  private static Optional<String> licence(ProviderSettingsExport export, String cmdlet) {
    return LICENSED.entrySet().stream()
        .filter(e -> e.getValue().matcher(cmdlet).matches() && export.flag(e.getKey()).equals(Optional.of(false)))
        .map(e -> LICENCES.get(e.getKey())).findFirst();
  }

  /** ScubaGear writes -1 (or NaN) when it could not count the users; no section reads the count. */
  private void userCount(Node count) {
    if (!count.isMissing() && !(count.value().isIntegralNumber() && count.value().asLong() >= 0)) {
      warnings.add("total_user_count is " + count.describe() + ": ScubaGear could not count the tenant's users (no section reads the count)");
    }
  }

  /** {@code ScubaGear 1.8.0 ProviderSettingsExport}. */
  public String source() {
    return source;
  }

  public String tenantId() {
    return tenant.id();
  }

  public String displayName() {
    return tenant.displayName();
  }

  /** Every snapshot section, in {@code docs/tenant-folder.md}'s order. */
  public List<Section> sections() {
    return List.copyOf(sections);
  }

  /** One line each for the failures the export records, and for what it could not give. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * Writes {@code snapshot.json} and {@code collection.json} into the tenant folder, whole or not at
   * all; the state file and {@code secure-score/} are left as they are.
   *
   * @param tool the tool and version {@code collection.json} records: {@code posture 0.2.0}
   * @throws InputException when the folder cannot be written; it is then as it was
   */
  public void writeTo(Path folder, String tool) {
    try (Staging staging = Staging.forImport(folder)) {
      try (SnapshotWriter snapshot = new SnapshotWriter(staging.create(TenantFolder.SNAPSHOT))) {
        ObjectNode about = JsonNodeFactory.instance.objectNode().put("id", tenant.id()).put("displayName", tenant.displayName());
        tenant.capturedAt().ifPresent(at -> about.put("capturedAt", at));
        snapshot.section("tenant", about);
        values.forEach(snapshot::section);
      }
      try (OutputStream out = staging.create(TenantFolder.COLLECTION)) {
        new CollectionWriter().write(record(tool), out);
      }
      staging.commit();
    } catch (IOException e) {
      throw new InputException(folder.toString(), "cannot be written (" + AtomicFile.reason(e) + "); it is as it was");
    } catch (UncheckedIOException e) {
      throw new InputException(folder.toString(), "cannot be written (" + AtomicFile.reason(e.getCause()) + "); it is as it was");
    }
  }

  private CollectionRecord record(String tool) {
    List<CollectionRecord.Section> recorded = sections.stream()
        .map(s -> s.found() ? CollectionRecord.Section.collected(s.name(), s.count())
            : CollectionRecord.Section.notCollected(s.name(), s.notFound().get()))
        .toList();
    String at = tenant.capturedAt().orElse("");
    return new CollectionRecord(TenantFolder.COLLECTION, tool, source, Optional.of(tenant.id()), cloud, at, at, recorded);
  }
}
