package dev.posture.collect;

/** Bearer tokens, one audience a service. Implementations never log or store what they hand out. */
public interface TokenSource {
  /**
   * @throws SignInException when no token can be had for the service
   */
  String token(Service service);

  /** Whether the tokens act for a signed-in person (device code, Azure CLI) rather than for an application. */
  default boolean delegated() {
    return false;
  }
}
