package dev.posture.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends requests to the services with their bearer token, and retries what is worth retrying:
 * throttling (429, 503, honouring {@code Retry-After}, which may be fractional), other server errors,
 * time-outs and dropped connections, with exponential back-off and jitter, a bounded number of tries
 * and a bounded total wait. The token is never logged.
 */
final class ServiceClient {
  /** Larger pages than this are not what any of the APIs sends. */
  private static final int MAX_BODY = 256 << 20;

  /** An answer, its body in a file of the scratch folder until it is closed: pages are never held in memory. */
  record Response(URI uri, int status, Path file) implements AutoCloseable {
    InputStream open() throws IOException {
      return Files.newInputStream(file);
    }

    byte[] bytes() {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // in the scratch folder, which goes with the collection
      }
    }
  }

  private final HttpClient http;
  private final Path scratch;
  private final AtomicLong answers = new AtomicLong();
  private final TokenSource tokens;
  private final Limits settings;
  private final Consumer<String> log;

  ServiceClient(TokenSource tokens, Limits settings, Consumer<String> log, Path scratch) {
    this.scratch = scratch;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.tokens = tokens;
    this.settings = settings;
    this.log = log;
  }

  Limits settings() {
    return settings;
  }

  Response get(Service service, URI uri, Map<String, String> headers) {
    return send(service, "GET", uri, null, headers);
  }

  Response post(Service service, URI uri, byte[] body, Map<String, String> headers) {
    return send(service, "POST", uri, body, headers);
  }

  /**
   * @return a 2xx response, or a 404 (which some APIs use for "none")
   * @throws AuthenticationException on 401
   * @throws ServiceError on any other failure, after the retries
   */
  private Response send(Service service, String method, URI uri, byte[] body, Map<String, String> headers) {
    long waited = 0;
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .timeout(settings.timeout())
          .header("Authorization", "Bearer " + tokens.token(service))
          .header("Accept", "application/json")
          .header("User-Agent", "posture");
      headers.forEach(request::header);
      if (body == null) {
        request.GET();
      } else {
        request.header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(body));
      }
      long start = System.nanoTime();
      ServiceError failure;
      Duration wait;
      try {
        Path file = scratch.resolve("answer-" + answers.incrementAndGet());
        HttpResponse<Path> response = http.send(request.build(), HttpResponse.BodyHandlers.ofFile(file));
        log.accept(method + " " + uri + " -> " + response.statusCode() + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
        int status = response.statusCode();
        Response answer = new Response(uri, status, file);
        if (status / 100 == 2 || status == 404) {
          if (Files.size(file) > MAX_BODY) {
            answer.close();
            throw new MalformedResponseException(uri, "the answer is larger than " + (MAX_BODY >> 20) + " MB");
          }
          return answer;
        }
        ErrorBody error = ErrorBody.of(Files.size(file) > 1 << 20 ? new byte[0] : answer.bytes());
        answer.close();
        if (status == 401) {
          throw new AuthenticationException(service.label() + " refused the token for " + uriWithoutQuery(uri) + " (401"
              + error.describe() + "): the sign-in is not valid for the audience " + audience(service, uri));
        }
        failure = new ServiceError(status, error.code(), service.label() + " answered " + status + error.describe());
        if (!(status == 429 || status >= 500)) {
          throw failure;
        }
        wait = retryAfter(response).orElse(null);
      } catch (HttpTimeoutException e) {
        log.accept(method + " " + uri + " -> no answer within " + seconds(settings.timeout()));
        failure = new ServiceError(0, null, service.label() + " did not answer within " + seconds(settings.timeout()));
        wait = null;
      } catch (IOException e) {
        log.accept(method + " " + uri + " -> " + e);
        failure = new ServiceError(0, null, "cannot reach " + service.label() + " at " + uri.getHost()
            + " (" + (e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName()) + ")");
        wait = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceError(0, null, "interrupted");
      }
      if (wait == null) {
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
        wait = Duration.ofNanos((long) (settings.backoff().toNanos() * Math.pow(2, attempt - 1) * jitter));
      }
      if (attempt >= settings.attempts() || waited + wait.toMillis() > settings.retryBudget().toMillis()) {
        throw new ServiceError(failure.status(), failure.code(), failure.getMessage() + " after " + attempt
            + (attempt == 1 ? " try" : " tries"));
      }
      sleep(wait);
      waited += wait.toMillis();
    }
  }

  /** Which token the service expected: the cloud's audience, not the address a test or proxy answers on. */
  private static String audience(Service service, URI uri) {
    return service.label() + " (" + uri.getScheme() + "://" + uri.getAuthority() + ")";
  }

  static String uriWithoutQuery(URI uri) {
    String s = uri.toString();
    int query = s.indexOf('?');
    return query < 0 ? s : s.substring(0, query);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%s s", d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0));
  }

  /** {@code Retry-After} in seconds (fractional too) or as an HTTP date. */
  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
      try {
        double s = Double.parseDouble(value);
        return s >= 0 && s < 1e6 ? Optional.of(Duration.ofMillis((long) (s * 1000))) : Optional.empty();
      } catch (NumberFormatException e) {
        try {
          Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
          return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e2) {
          return Optional.empty();
        }
      }
    });
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceError(0, null, "interrupted");
    }
  }

  /**
   * The error a service sends: Graph and Defender's {@code {"error": {"code", "message"}}}, and the
   * Exchange admin API's message in {@code error.details} or {@code error.innererror.internalException}.
   */
  record ErrorBody(String code, String message) {
    static ErrorBody of(byte[] body) {
      try {
        JsonNode error = Json.MAPPER.readTree(body).path("error");
        String message = first(error.path("details").path(0).path("message"), error.path("details").path("message"),
            error.path("innererror").path("internalException").path("message"), error.path("message"));
        return new ErrorBody(error.path("code").isString() ? error.path("code").stringValue() : null, message);
      } catch (JacksonException | IllegalArgumentException e) {
        return new ErrorBody(null, null);
      }
    }

    private static String first(JsonNode... candidates) {
      for (JsonNode n : candidates) {
        if (n.isString() && !n.stringValue().isBlank()) {
          return n.stringValue();
        }
      }
      return null;
    }

    /** {@code " Forbidden, Authorization_RequestDenied: Insufficient privileges ..."}, one line, bounded. */
    String describe() {
      StringBuilder sb = new StringBuilder();
      if (code != null) {
        sb.append(' ').append(code);
      }
      if (message != null) {
        sb.append(code == null ? " " : ": ").append(message.strip().replaceAll("\\s+", " "));
      }
      String s = sb.toString();
      return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
  }
}
