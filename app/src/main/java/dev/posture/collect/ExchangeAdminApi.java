package dev.posture.collect;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exchange Online's admin API, which the Exchange PowerShell module itself uses: a cmdlet and its
 * parameters POSTed to {@code /adminapi/beta/{tenant}/InvokeCommand}; the objects come back in
 * {@code value}, and each {@code @odata.nextLink} takes the same body again. Microsoft does not
 * document it, so everything about it stays here.
 */
final class ExchangeAdminApi {
  /** The mailbox the requests are routed by, as the module sends it. */
  private static final String ANCHOR = "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@";

  private final ServiceClient client;
  private final URI base;
  private final String tenant;

  ExchangeAdminApi(ServiceClient client, URI base, String tenant) {
    this.client = client;
    this.base = base;
    this.tenant = tenant;
  }

  /** The request, as {@code collection.json} lists it. */
  String describe(String cmdlet) {
    return "POST " + endpoint() + " " + cmdlet;
  }

  /**
   * Runs {@code cmdlet} and hands over each object it returns, its annotations left out and its
   * {@code "True"}/{@code "False"} strings made booleans.
   *
   * @param select the properties to return, or null for all
   * @return the number of objects
   */
  long invoke(String cmdlet, Map<String, String> parameters, List<String> select, Consumer<ObjectNode> object) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ObjectNode input = body.putObject("CmdletInput");
    input.put("CmdletName", cmdlet);
    ObjectNode params = input.putObject("Parameters");
    parameters.forEach(params::put);
    URI uri = URI.create(endpoint() + (select == null ? ""
        : "?$select=" + URLEncoder.encode(String.join(",", select), StandardCharsets.UTF_8)));
    long n = Pages.each(client, Service.EXCHANGE, uri, Json.MAPPER.writeValueAsBytes(body),
        Map.of("X-AnchorMailbox", ANCHOR + tenant, "Prefer", "odata.maxpagesize=1000"),
        o -> object.accept((ObjectNode) plain(o)), page -> {});
    if (n < 0) {
      throw new ServiceError(404, null, Service.EXCHANGE.label() + " answered 404 for " + cmdlet
          + ": the tenant " + tenant + " is not known there");
    }
    return n;
  }

  private String endpoint() {
    return base + "/adminapi/beta/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/InvokeCommand";
  }

  /** The cmdlet's output without OData's annotations ({@code Prop@odata.type}), booleans as booleans. */
  private static JsonNode plain(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode plain = Json.MAPPER.createObjectNode();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (!e.getKey().contains("@")) {
          plain.set(e.getKey(), plain(e.getValue()));
        }
      }
      return plain;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, plain(array.get(i)));
      }
      return array;
    }
    if (node.isString() && (node.stringValue().equals("True") || node.stringValue().equals("False"))) {
      return BooleanNode.valueOf(node.stringValue().equals("True"));
    }
    return node;
  }
}
