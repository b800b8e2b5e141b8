package dev.posture.collect;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where each service's requests go: the cloud's own base URLs, or those {@code --endpoint} gives.
 * Only https, except a loopback address (a local test service).
 */
public final class Endpoints {
  private final Cloud cloud;
  private final Map<Service, URI> bases = new EnumMap<>(Service.class);

  private Endpoints(Cloud cloud) {
    this.cloud = cloud;
  }

  /**
   * @param overrides base URLs by service, as given
   * @throws IllegalArgumentException naming the URL when it is not https (or plain http to a loopback address)
   */
  public static Endpoints of(Cloud cloud, Map<Service, String> overrides) {
    Endpoints endpoints = new Endpoints(cloud);
    for (Service s : Service.values()) {
      URI base = cloud.base(s);
      if (base != null) {
        endpoints.bases.put(s, base);
      }
    }
    overrides.forEach((service, url) -> endpoints.bases.put(service, checked(service, url)));
    return endpoints;
  }

  public Cloud cloud() {
    return cloud;
  }

  /** The base URL, or null when the cloud offers no such service and none was given. */
  public URI base(Service service) {
    return bases.get(service);
  }

  private static URI checked(Service service, String url) {
    URI uri;
    try {
      uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--endpoint " + service.key() + "=" + url + ": not a URL (" + e.getReason() + ")");
    }
    if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("--endpoint " + service.key() + "=" + url
          + ": expected a base URL such as https://host or https://host/path");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean http = "http".equalsIgnoreCase(uri.getScheme());
    if (!https && !(http && loopback(uri.getHost()))) {
      throw new IllegalArgumentException("--endpoint " + service.key() + "=" + url
          + ": expected https (plain http only to a loopback address such as 127.0.0.1)");
    }
    return uri;
  }

  /** A literal loopback address or localhost; never a name that would need a DNS look-up. */
  private static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
