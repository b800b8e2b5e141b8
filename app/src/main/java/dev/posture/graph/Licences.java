package dev.posture.graph;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Graph's {@code enabledServices} flags mean in the catalogue's terms (service plan names), and
 * which flag a profile's {@code service} needs.
 *
 * <pre>
 * enabledServices       service plans                       profile services
 * HasAADP1              AAD_PREMIUM                         -
 * HasAADP2              AAD_PREMIUM, AAD_PREMIUM_P2         -
 * HasMDOP1              ATP_ENTERPRISE                      MDO
 * HasMDOP2              ATP_ENTERPRISE, THREAT_INTELLIGENCE -
 * HasMDE, HasMDEP2      WINDEFATP                           MDE, MDATP
 * HasMDEP1              MDE_LITE                            -
 * HasEXO*, HasExchange  EXCHANGE_S_STANDARD/ENTERPRISE      EXO
 * HasEOP                EOP_ENTERPRISE                      -
 * HasSPO*, HasSharePoint SHAREPOINTSTANDARD/ENTERPRISE      SPO
 * HasMCAS               ADALLOM_S_STANDALONE                MCAS, MDA_*
 * HasOCAS               ADALLOM_S_O365                      -
 * HasAATP               ATA                                 Azure ATP
 * HasAIPP1, HasMIP      RMS_S_PREMIUM, MIP_S_CLP1           MIP
 * HasAIPP2              RMS_S_PREMIUM2, MIP_S_CLP2          -
 * HasInTune, HasIntune  INTUNE_A                            Intune
 * HasM365E5             every plan above                    -
 * </pre>
 *
 * Services not in the right-hand column (AzureAD, Admincenter, FORMS, ...) need no particular flag.
 */
public final class Licences {
  private static final Map<String, List<String>> PLANS = Map.ofEntries(
      Map.entry("hasaadp1", List.of("AAD_PREMIUM")),
      Map.entry("hasaadp2", List.of("AAD_PREMIUM", "AAD_PREMIUM_P2")),
      Map.entry("hasmdop1", List.of("ATP_ENTERPRISE")),
      Map.entry("hasmdop2", List.of("ATP_ENTERPRISE", "THREAT_INTELLIGENCE")),
      Map.entry("hasmde", List.of("WINDEFATP")),
      Map.entry("hasmdep2", List.of("WINDEFATP")),
      Map.entry("hasmdep1", List.of("MDE_LITE")),
      Map.entry("hasexo", List.of("EXCHANGE_S_STANDARD")),
      Map.entry("hasexop1", List.of("EXCHANGE_S_STANDARD")),
      Map.entry("hasexop2", List.of("EXCHANGE_S_STANDARD", "EXCHANGE_S_ENTERPRISE")),
      Map.entry("hasexchange", List.of("EXCHANGE_S_STANDARD", "EXCHANGE_S_ENTERPRISE")),
      Map.entry("haseop", List.of("EOP_ENTERPRISE")),
      Map.entry("hasspo", List.of("SHAREPOINTSTANDARD")),
      Map.entry("hasspop1", List.of("SHAREPOINTSTANDARD")),
      Map.entry("hasspop2", List.of("SHAREPOINTSTANDARD", "SHAREPOINTENTERPRISE")),
      Map.entry("hassharepoint", List.of("SHAREPOINTSTANDARD", "SHAREPOINTENTERPRISE")),
      Map.entry("hasmcas", List.of("ADALLOM_S_STANDALONE")),
      Map.entry("hasocas", List.of("ADALLOM_S_O365")),
      Map.entry("hasaatp", List.of("ATA")),
      Map.entry("hasaipp1", List.of("RMS_S_PREMIUM", "MIP_S_CLP1")),
      Map.entry("hasmip", List.of("RMS_S_PREMIUM", "MIP_S_CLP1")),
      Map.entry("hasaipp2", List.of("RMS_S_PREMIUM", "RMS_S_PREMIUM2", "MIP_S_CLP1", "MIP_S_CLP2")),
      Map.entry("hasintune", List.of("INTUNE_A")));

  private static final Map<String, String> SERVICE_FLAGS = Map.of(
      "mdo", "hasmdop1",
      "mde", "hasmde",
      "mdatp", "hasmde",
      "exo", "hasexo",
      "spo", "hasspo",
      "mcas", "hasmcas",
      "azureatp", "hasaatp",
      "mip", "hasmip",
      "intune", "hasintune");

  private Licences() {}

  /** The service plans the flags stand for. */
  public static Set<String> servicePlans(List<String> enabledServices) {
    Set<String> plans = new TreeSet<>();
    for (String flag : enabledServices) {
      String key = normalize(flag);
      if (key.equals("hasm365e5")) {
        PLANS.values().forEach(plans::addAll);
      } else {
        plans.addAll(PLANS.getOrDefault(key, List.of()));
      }
    }
    return plans;
  }

  /**
   * Whether a control known only from its profile is licensed: its service's flag is enabled (for
   * MDA_* app connectors, Defender for Cloud Apps), or its service needs no particular flag.
   */
  public static boolean serviceEnabled(String service, List<String> enabledServices) {
    String key = normalize(service);
    String flag = SERVICE_FLAGS.getOrDefault(key, key.startsWith("mda") ? "hasmcas" : null);
    if (flag == null) {
      return true;
    }
    Set<String> have = servicePlans(enabledServices);
    return have.containsAll(PLANS.get(flag));
  }

  private static String normalize(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]", "");
  }
}
