package dev.posture.collect;

/**
 * A request that did not succeed, though the token was good: denied (403), not found, a server error
 * that outlasted the retries, a time-out. The section it was for is not collected; the rest goes on.
 *
 * @param status the HTTP status, or 0 when no answer came
 * @param code the service's error code ({@code Authorization_RequestDenied}), or null
 */
public final class ServiceError extends RuntimeException {
  private final int status;
  private final String code;
  private final String permission;

  public ServiceError(int status, String code, String message) {
    this(status, code, message, null);
  }

  private ServiceError(int status, String code, String message, String permission) {
    super(message);
    this.status = status;
    this.code = code;
    this.permission = permission;
  }

  /** The same failure, naming the permission the request needed (when it was denied). */
  ServiceError needing(String permission) {
    return this.permission != null || !denied() ? this : new ServiceError(status, code, getMessage(), permission);
  }

  /** The permission to grant, when the request was denied; else null. */
  public String permission() {
    return permission;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public boolean denied() {
    return status == 403;
  }
}
