package dev.posture.collect;

import java.net.URI;
import java.util.Locale;

/**
 * Microsoft's national clouds: where to sign in and where each service answers. The token audience of
 * a service is its cloud's base URL, also when {@code --endpoint} sends the requests elsewhere.
 */
public enum Cloud {
  GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://api.securitycenter.microsoft.com",
      "https://outlook.office365.com"),
  USGOV("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://api-gcc.securitycenter.microsoft.us",
      "https://outlook.office365.com"),
  USGOV_HIGH("https://login.microsoftonline.us", "https://graph.microsoft.us", "https://api-gov.securitycenter.microsoft.us",
      "https://outlook.office365.us"),
  DOD("https://login.microsoftonline.us", "https://dod-graph.microsoft.us", "https://api-gov.securitycenter.microsoft.us",
      "https://webmail.apps.mil"),
  /** Operated by 21Vianet, which offers no Defender for Endpoint API. */
  CHINA("https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn", null, "https://partner.outlook.cn");

  private final String authorityHost;
  private final String graph;
  private final String defender;
  private final String exchange;

  Cloud(String authorityHost, String graph, String defender, String exchange) {
    this.authorityHost = authorityHost;
    this.graph = graph;
    this.defender = defender;
    this.exchange = exchange;
  }

  /** As {@code --cloud} spells it: {@code global}, {@code usgov-high}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Cloud labelled(String label) {
    for (Cloud c : values()) {
      if (c.label().equals(label)) {
        return c;
      }
    }
    return null;
  }

  public String authorityHost() {
    return authorityHost;
  }

  /** The service's base URL in this cloud, or null when the cloud does not offer it. */
  public URI base(Service service) {
    String url = switch (service) {
      case GRAPH -> graph;
      case DEFENDER -> defender;
      case EXCHANGE -> exchange;
    };
    return url == null ? null : URI.create(url);
  }

  /** The OAuth scope of an application token for the service. */
  public String scope(Service service) {
    URI base = base(service);
    return base == null ? null : base + "/.default";
  }
}
