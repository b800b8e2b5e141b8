package dev.posture.scubagear;

import java.util.List;
import java.util.Locale;

/**
 * The ScubaGear products whose settings a snapshot section comes from. ScubaGear runs those its
 * {@code -ProductNames} name, and writes each one's keys and its {@code *_successful_commands} and
 * {@code *_unsuccessful_commands}.
 */
enum Product {
  AAD("Entra ID", List.of("aad")),
  /** Named {@code securitysuite} in recent versions. */
  DEFENDER("Defender for Office 365 and Purview", List.of("defender", "securitysuite")),
  EXO("Exchange Online", List.of("exo")),
  SHAREPOINT("SharePoint Online", List.of("sharepoint")),
  TEAMS("Microsoft Teams", List.of("teams"));

  private final String words;
  private final List<String> names;

  Product(String words, List<String> names) {
    this.words = words;
    this.names = names;
  }

  /** As {@code -ProductNames} spells it: {@code aad (Entra ID)}. */
  String describe() {
    return names.get(0) + " (" + words + ")";
  }

  /** The product a {@code -ProductNames} name, or the prefix of a {@code *_successful_commands} key, stands for. */
  static Product named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Product p : values()) {
      if (p.names.contains(wanted)) {
        return p;
      }
    }
    return null;
  }
}
