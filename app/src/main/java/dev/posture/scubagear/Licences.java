package dev.posture.scubagear;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code subscribedSkus} from what ScubaGear keeps of {@code Get-MgBetaSubscribedSku}: the
 * subscriptions ({@code license_information}: part number, id, units) and, apart, the service plans of
 * all of them that were provisioned ({@code service_plans}), without saying which subscription holds
 * which plan. The subscriptions are written with no plans of their own, and the plans as one more
 * element, {@value #PLANS}: what posture's licence checks ask (is the plan in the tenant) stays exact.
 */
final class Licences {
  static final String PLANS = "SCUBAGEAR_SERVICE_PLANS";

  private Licences() {}

  static Mapped subscribedSkus(ProviderSettingsExport export) {
    ArrayNode skus = JsonNodeFactory.instance.arrayNode();
    for (var sku : export.objects("license_information", "licence")) {
      ObjectNode graph = (ObjectNode) GraphObjects.of(sku.value());
      graph.putArray("servicePlans");
      skus.add(graph);
    }
    ArrayNode plans = Sections.list(export.objects("service_plans", "service plan"), GraphObjects::of);
    if (!plans.isEmpty()) {
      ObjectNode all = skus.addObject();
      all.put("skuPartNumber", PLANS);
      all.set("servicePlans", plans);
    }
    return new Mapped.Found(skus);
  }

  /** Whether an element is the plans of every subscription rather than one subscription. */
  static boolean allPlans(JsonNode sku) {
    return PLANS.equals(sku.path("skuPartNumber").asString(""));
  }
}
