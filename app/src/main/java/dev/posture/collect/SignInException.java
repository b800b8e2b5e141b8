package dev.posture.collect;

/** No token for a service: the sign-in failed, or nothing was given for that audience. */
public final class SignInException extends RuntimeException {
  private final Service service;

  public SignInException(Service service, String message) {
    super(message);
    this.service = service;
  }

  public Service service() {
    return service;
  }
}
