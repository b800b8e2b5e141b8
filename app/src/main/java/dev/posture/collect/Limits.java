package dev.posture.collect;

import java.time.Duration;

/**
 * How long a collection waits for the services.
 *
 * @param timeout how long one request may take, answer included
 * @param attempts tries of one request, the first included
 * @param retryBudget the longest total wait between the tries of one request
 * @param backoff the first wait when a service names none (doubled at each try, with jitter)
 * @param conditionalAccessInterval the least time between two conditional access requests, which
 *     Graph throttles to one a second per tenant without saying how long to wait
 */
public record Limits(Duration timeout, int attempts, Duration retryBudget, Duration backoff, Duration conditionalAccessInterval) {
  public static Limits defaults(Duration timeout) {
    return new Limits(timeout, 7, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }
}
