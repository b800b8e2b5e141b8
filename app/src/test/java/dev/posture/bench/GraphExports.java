package dev.posture.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Large but honest Graph exports for {@code bench/graph}: {@code profiles DIR N} writes a folder of
 * one day's secureScores and N secureScoreControlProfiles shaped like Microsoft's (about a kilobyte
 * each: HTML remediation, threats, compliance information, state updates); {@code controls FILE N}
 * writes one day whose controlScores lists N controls. Deterministic: the same N gives the same bytes.
 */
public final class GraphExports {
  private static final String TENANT = "6c3f1a2b-0d4e-4f5a-9b8c-7d6e5f4a3b2c";
  private static final String[] CATEGORIES = {"Identity", "Device", "Apps", "Data"};

  private GraphExports() {}

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[2]);
    switch (args[0]) {
      case "profiles" -> profiles(Path.of(args[1]), n);
      case "controls" -> controls(Path.of(args[1]), n);
      default -> throw new IllegalArgumentException("expected profiles DIR N or controls FILE N, found " + args[0]);
    }
  }

  static void profiles(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    try (Writer out = writer(dir.resolve("secureScores.json"))) {
      day(out, 100);
    }
    try (Writer out = writer(dir.resolve("secureScoreControlProfiles.json"))) {
      out.write("{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#security/secureScoreControlProfiles\", \"value\": [");
      String remediation = "<p>Open the <a href=\\\"https://security.microsoft.com/\\\">Microsoft Defender portal</a>, go to"
          + " Policies, then Threat policies, and turn the protection on for every user and group in the tenant.</p>"
          + "<ol><li>Sign in as a Security Administrator.</li><li>Choose the policy.</li><li>Save.</li></ol>";
      for (int i = 0; i < n; i++) {
        out.write((i == 0 ? "" : ",") + "\n{\"id\": \"Control_" + i + "\", \"azureTenantId\": \"" + TENANT + "\", \"actionType\": \"Config\","
            + " \"actionUrl\": \"https://security.microsoft.com/securescore?control=" + i + "\", \"controlCategory\": \""
            + CATEGORIES[i % 4] + "\", \"title\": \"Turn on protection number " + i + " for every user\", \"deprecated\": false,"
            + " \"implementationCost\": \"Low\", \"lastModifiedDateTime\": null, \"maxScore\": 2,"
            + " \"rank\": " + (i + 1) + ", \"remediation\": \"" + remediation + "\", \"remediationImpact\": \"Users see no change.\","
            + " \"service\": \"EXO\", \"threats\": [\"Account breach\", \"Data exfiltration\"], \"tier\": \"Core\","
            + " \"userImpact\": \"Low\", \"complianceInformation\": [{\"certificationName\": \"FedRAMP_Moderate\","
            + " \"certificationControls\": [{\"name\": \"AC-2\", \"url\": \"\"}, {\"name\": \"IA-2\", \"url\": \"\"}]}],"
            + " \"controlStateUpdates\": [{\"assignedTo\": \"\", \"comment\": \"\", \"state\": \"Default\","
            + " \"updatedBy\": \"admin@contoso.com\", \"updatedDateTime\": \"2026-11-01T09:00:00Z\"}]}");
      }
      out.write("\n]}\n");
    }
  }

  static void controls(Path file, int n) throws IOException {
    try (Writer out = writer(file)) {
      day(out, n);
    }
  }

  /** One day of secureScores whose controlScores lists {@code controls} controls, each 1 of 2 done. */
  private static void day(Writer out, int controls) throws IOException {
    out.write("{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#security/secureScores\", \"value\": [\n"
        + "{\"id\": \"" + TENANT + "_2026-11-20\", \"azureTenantId\": \"" + TENANT + "\", \"activeUserCount\": 900,"
        + " \"createdDateTime\": \"2026-11-20T00:00:00Z\", \"currentScore\": " + controls + ", \"maxScore\": " + 2 * controls + ","
        + " \"licensedUserCount\": 1000, \"enabledServices\": [\"HasExchange\", \"HasAADP1\"],"
        + " \"averageComparativeScores\": [{\"basis\": \"AllTenants\", \"averageScore\": 41.5}], \"controlScores\": [");
    for (int i = 0; i < controls; i++) {
      out.write((i == 0 ? "" : ",") + "\n{\"controlCategory\": \"" + CATEGORIES[i % 4] + "\", \"controlName\": \"Control_" + i + "\","
          + " \"description\": \"Half of the users are protected.\", \"score\": 1, \"scoreInPercentage\": 50,"
          + " \"lastSynced\": \"2026-11-20T00:00:00Z\", \"implementationStatus\": \"1 of 2 users\", \"count\": \"1\", \"total\": \"2\"}");
    }
    out.write("]}\n]}\n");
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
  }
}
