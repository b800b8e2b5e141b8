package dev.posture.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LicencesTest {
  @Test
  void flagsBecomeServicePlans() {
    assertThat(Licences.servicePlans(List.of("HasAADP2", "HasMDOP1", "HasUnknownThing")))
        .containsExactly("AAD_PREMIUM", "AAD_PREMIUM_P2", "ATP_ENTERPRISE");
    assertThat(Licences.servicePlans(List.of("HasM365E5"))).contains("THREAT_INTELLIGENCE", "WINDEFATP", "AAD_PREMIUM_P2");
  }

  @Test
  void profileServicesNeedTheirFlag() {
    assertThat(Licences.serviceEnabled("Azure ATP", List.of("HasAATP"))).isTrue();
    assertThat(Licences.serviceEnabled("Azure ATP", List.of("HasAADP2"))).isFalse();
    assertThat(Licences.serviceEnabled("MDA_SF", List.of("HasOCAS"))).isFalse();
    assertThat(Licences.serviceEnabled("MDA_SF", List.of("HasMCAS"))).isTrue();
    assertThat(Licences.serviceEnabled("MDATP", List.of("HasMDEP2"))).isTrue();
    assertThat(Licences.serviceEnabled("MDO", List.of("HasMDOP2"))).isTrue();
    assertThat(Licences.serviceEnabled("AzureAD", List.of())).isTrue();
  }
}
