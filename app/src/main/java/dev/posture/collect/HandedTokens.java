package dev.posture.collect;

import java.util.Locale;
import java.util.Map;

/**
 * Tokens given in the environment: {@code POSTURE_ACCESS_TOKEN_GRAPH}, {@code _DEFENDER},
 * {@code _EXCHANGE}, else {@code POSTURE_ACCESS_TOKEN} for every audience.
 */
public final class HandedTokens implements TokenSource {
  public static final String VARIABLE = "POSTURE_ACCESS_TOKEN";

  private final Map<String, String> env;

  public HandedTokens(Map<String, String> env) {
    this.env = env;
  }

  /** Whether the environment hands in any token. */
  public static boolean given(Map<String, String> env) {
    return env.keySet().stream().anyMatch(k -> k.equals(VARIABLE) || k.startsWith(VARIABLE + "_"));
  }

  @Override
  public String token(Service service) {
    String own = VARIABLE + "_" + service.key().toUpperCase(Locale.ROOT);
    String token = env.getOrDefault(own, env.get(VARIABLE));
    if (token == null || token.isBlank()) {
      throw new SignInException(service, "no token for " + service.label() + " (set " + own + " or " + VARIABLE + ")");
    }
    return token.strip();
  }
}
