package dev.posture.collect;

/** The three Microsoft services a collection talks to; each takes a token of its own audience. */
public enum Service {
  GRAPH("graph", "Microsoft Graph"),
  DEFENDER("defender", "Defender for Endpoint"),
  EXCHANGE("exchange", "Exchange Online");

  private final String key;
  private final String label;

  Service(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The name {@code --endpoint NAME=URL} and {@code POSTURE_ACCESS_TOKEN_NAME} use. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static Service named(String key) {
    for (Service s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return null;
  }
}
