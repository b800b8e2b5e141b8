package dev.posture.cli;

import dev.posture.collect.AuthenticationException;
import dev.posture.collect.Cloud;
import dev.posture.collect.Collector;
import dev.posture.collect.Endpoints;
import dev.posture.collect.HandedTokens;
import dev.posture.collect.Limits;
import dev.posture.collect.MalformedResponseException;
import dev.posture.collect.Section;
import dev.posture.collect.SectionResult;
import dev.posture.collect.SectionResult.Outcome;
import dev.posture.collect.Service;
import dev.posture.collect.SignIn;
import dev.posture.collect.TokenSource;
import dev.posture.input.InputException;
import dev.posture.report.Printable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "collect",
    description = "Read a tenant's configuration from Microsoft Graph, Defender for Endpoint and Exchange Online into a tenant"
        + " folder: snapshot.json, Microsoft's Secure Score pages in secure-score/, and collection.json (what was collected,"
        + " and why not). posture-state.yaml is left alone. The one command that opens network connections.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  posture collect contoso/ --tenant contoso.onmicrosoft.com",
      "  posture collect contoso/ --tenant $TENANT_ID --client-id $APP_ID --client-secret-env POSTURE_CLIENT_SECRET",
      "  posture collect contoso/ --tenant $TENANT_ID --client-id $APP_ID --federated-token-file $TOKEN_FILE --strict",
      "  posture collect contoso/ --only users,conditionalAccessPolicies,directoryRoles",
    })
final class CollectCommand implements Callable<Integer> {
  private final PostureCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The tenant folder to write (made when missing).")
  Path folder;

  @Option(names = "--tenant", paramLabel = "ID|DOMAIN", description = "The tenant: its id or one of its domains.")
  String tenant;

  @Option(names = "--auth", paramLabel = "METHOD",
      description = "How to sign in: device-code (the default), client-secret, certificate, workload-identity, azure-cli,"
          + " managed-identity, or token (POSTURE_ACCESS_TOKEN*). Implied by --client-secret-env, --certificate,"
          + " --federated-token-file or a POSTURE_ACCESS_TOKEN variable.")
  String auth;

  @Option(names = "--client-id", paramLabel = "ID", description = "The application (client) id of your app registration.")
  String clientId;

  @Option(names = "--client-secret-env", paramLabel = "VAR",
      description = "The environment variable that holds the client secret (never the secret itself).")
  String clientSecretEnv;

  @Option(names = "--certificate", paramLabel = "FILE", description = "The app's certificate with its private key: PEM, or PFX.")
  Path certificate;

  @Option(names = "--certificate-password-env", paramLabel = "VAR", description = "The variable that holds a PFX file's password.")
  String certificatePasswordEnv;

  @Option(names = "--federated-token-file", paramLabel = "FILE",
      description = "A federated token (GitHub Actions, Kubernetes) to sign in without a secret; default: AZURE_FEDERATED_TOKEN_FILE.")
  Path federatedTokenFile;

  @Option(names = "--cloud", paramLabel = "CLOUD", defaultValue = "global",
      description = "Microsoft's cloud: global, usgov, usgov-high, dod or china (default: ${DEFAULT-VALUE}).")
  String cloud;

  @Option(names = "--endpoint", paramLabel = "NAME=URL",
      description = "Send a service's requests to URL instead: graph, defender or exchange. Only https (plain http to a loopback address).")
  Map<String, String> endpoint;

  @Option(names = "--only", split = ",", paramLabel = "SECTION", description = "Collect only these sections.")
  List<String> only;

  @Option(names = "--skip", split = ",", paramLabel = "SECTION", description = "Collect every section but these.")
  List<String> skip;

  @Option(names = "--strict", description = "Exit with code 1 when a section could not be collected (after writing the folder).")
  boolean strict;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long one request may take before it is tried again (default: ${DEFAULT-VALUE}).")
  double timeout;

  CollectCommand(PostureCommand root) {
    this.root = root;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Cloud chosen = Cloud.labelled(cloud);
    if (chosen == null) {
      throw new UsageException("--cloud " + cloud + ": expected one of global, usgov, usgov-high, dod, china");
    }
    if (timeout <= 0 || timeout > 3600) {
      throw new UsageException("--timeout must be more than 0 and at most 3600 seconds, got " + timeout);
    }
    Set<Section> wanted = sections();
    Endpoints endpoints = endpoints(chosen);
    Map<String, String> env = root.invocation.env();
    TokenSource tokens = tokens(env, chosen, err);
    TerminalProgress progress = new TerminalProgress(err, root.invocation.terminal());
    Collector collector = new Collector(tokens, endpoints, Limits.defaults(Duration.ofMillis((long) (timeout * 1000))),
        root.invocation.clock(), new Collector.Listener() {
          @Override
          public void progress(String line) {
            progress.show(line);
          }

          @Override
          public void request(String line) {
            if (root.verbose) {
              progress.clear();
              err.println("posture: " + line);
            }
          }
        }, VersionProvider.tool());
    long start = System.nanoTime();
    Collector.Result result;
    try {
      result = collector.collect(folder, tenant, wanted);
    } catch (AuthenticationException e) {
      progress.clear();
      err.println(Printable.line("posture: authentication failed: " + e.getMessage() + "; " + folder + " is as it was"));
      return ExitCode.PERMISSION_DENIED;
    } catch (MalformedResponseException e) {
      progress.clear();
      err.println(Printable.line("posture: " + e.getMessage() + "; " + folder + " is as it was"));
      return ExitCode.INVALID_INPUT;
    } catch (UncheckedIOException e) {
      progress.clear();
      err.println(Printable.line("posture: " + e.getMessage()));
      return ExitCode.INVALID_INPUT;
    } finally {
      progress.clear();
    }
    List<SectionResult> failed = result.sections().stream().filter(SectionResult::failed).toList();
    for (SectionResult s : failed) {
      err.println(Printable.line("posture: warning: " + s.section().key() + " not collected: " + s.reason()));
    }
    summary(out, result, (System.nanoTime() - start) / 1e9);
    if (strict && !failed.isEmpty()) {
      throw new GateFailedException(failed.size() + (failed.size() == 1 ? " section was" : " sections were")
          + " not collected (--strict); " + folder + " was written");
    }
    return ExitCode.OK;
  }

  private void summary(PrintWriter out, Collector.Result result, double seconds) {
    List<SectionResult> asked = result.sections().stream().filter(s -> s.outcome() != Outcome.SKIPPED).toList();
    long collected = asked.stream().filter(SectionResult::collected).count();
    out.println(Printable.line(String.format(Locale.ROOT, "%s: %d of %d sections collected from tenant %s in %.1f s", folder,
        collected, asked.size(), result.tenantId(), seconds)));
    String counts = asked.stream().filter(s -> s.collected() && s.count() != null)
        .filter(s -> Set.of(Section.USERS, Section.DEVICES, Section.MANAGED_DEVICES, Section.MAILBOXES, Section.SECURE_SCORES,
            Section.SECURE_SCORE_CONTROL_PROFILES, Section.CONDITIONAL_ACCESS_POLICIES).contains(s.section()))
        .map(s -> String.format(Locale.ROOT, "%s %,d", s.section().key(), s.count())).collect(Collectors.joining(", "));
    if (!counts.isEmpty()) {
      out.println(counts);
    }
    Map<String, List<String>> unavailable = asked.stream().filter(s -> s.outcome() == Outcome.UNAVAILABLE)
        .collect(Collectors.groupingBy(SectionResult::reason, LinkedHashMap::new,
            Collectors.mapping(s -> s.section().key(), Collectors.toList())));
    unavailable.forEach((reason, names) -> out.println(Printable.line("not collected: " + String.join(", ", names) + " (" + reason + ")")));
    long failed = asked.stream().filter(SectionResult::failed).count();
    if (failed > 0) {
      out.println(failed + (failed == 1 ? " section" : " sections") + " could not be collected (see the warnings and "
          + folder.resolve("collection.json") + ")");
    }
  }

  private Set<Section> sections() {
    if (only != null && skip != null) {
      throw new UsageException("--only and --skip do not go together");
    }
    Set<Section> chosen = EnumSet.noneOf(Section.class);
    for (String name : only != null ? only : skip != null ? skip : List.<String>of()) {
      Section s = Section.named(name.strip());
      if (s == null) {
        throw new UsageException("unknown section '" + name + "'; sections are: " + String.join(", ", Section.keys()));
      }
      chosen.add(s);
    }
    if (only != null) {
      return chosen;
    }
    Set<Section> all = EnumSet.allOf(Section.class);
    all.removeAll(chosen);
    return all;
  }

  private Endpoints endpoints(Cloud chosen) {
    Map<Service, String> overrides = new EnumMap<>(Service.class);
    if (endpoint != null) {
      // a posture.yaml may be someone else's (a checkout in CI): it must not send the tokens elsewhere
      if (spec.commandLine().getDefaultValueProvider() instanceof PostureDefaults defaults
          && defaults.source(spec.findOption("--endpoint")).map(s -> s.node() != null).orElse(false)) {
        throw new UsageException("--endpoint may not come from posture.yaml; give it on the command line");
      }
      endpoint.forEach((name, url) -> {
        Service s = Service.named(name);
        if (s == null) {
          throw new UsageException("--endpoint " + name + "=...: expected graph, defender or exchange");
        }
        overrides.put(s, url);
      });
    }
    try {
      return Endpoints.of(chosen, overrides);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private TokenSource tokens(Map<String, String> env, Cloud chosen, PrintWriter err) {
    String method = auth != null ? auth
        : HandedTokens.given(env) ? "token"
        : clientSecretEnv != null ? "client-secret"
        : certificate != null ? "certificate"
        : federatedTokenFile != null || env.containsKey("AZURE_FEDERATED_TOKEN_FILE") ? "workload-identity"
        : "device-code";
    if (method.equals("token")) {
      if (!HandedTokens.given(env)) {
        throw new UsageException("--auth token: set " + HandedTokens.VARIABLE + " or " + HandedTokens.VARIABLE + "_GRAPH, _DEFENDER, _EXCHANGE");
      }
      return new HandedTokens(env);
    }
    SignIn.Method m;
    try {
      m = SignIn.Method.valueOf(method.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--auth " + method + ": expected device-code, client-secret, certificate, workload-identity,"
          + " azure-cli, managed-identity or token");
    }
    String id = clientId != null ? clientId : env.get("AZURE_CLIENT_ID");
    String tenantId = tenant != null ? tenant : env.get("AZURE_TENANT_ID");
    String secret = null;
    String password = null;
    Path tokenFile = null;
    switch (m) {
      case CLIENT_SECRET -> {
        require(id, tenantId, "client-secret");
        if (clientSecretEnv == null) {
          throw new UsageException("--auth client-secret needs --client-secret-env VAR, the variable that holds the secret");
        }
        secret = env.get(clientSecretEnv);
        if (secret == null || secret.isBlank()) {
          throw new UsageException("--client-secret-env " + clientSecretEnv + ": the variable is not set");
        }
      }
      case CERTIFICATE -> {
        require(id, tenantId, "certificate");
        if (certificate == null) {
          throw new UsageException("--auth certificate needs --certificate FILE");
        }
        if (!Files.isReadable(certificate)) {
          throw new InputException(certificate.toString(), "cannot be read");
        }
        if (certificatePasswordEnv != null) {
          password = env.get(certificatePasswordEnv);
          if (password == null) {
            throw new UsageException("--certificate-password-env " + certificatePasswordEnv + ": the variable is not set");
          }
        }
      }
      case WORKLOAD_IDENTITY -> {
        require(id, tenantId, "workload-identity");
        String file = federatedTokenFile != null ? federatedTokenFile.toString() : env.get("AZURE_FEDERATED_TOKEN_FILE");
        if (file == null) {
          throw new UsageException("--auth workload-identity needs --federated-token-file FILE (or AZURE_FEDERATED_TOKEN_FILE)");
        }
        tokenFile = Path.of(file);
        if (!Files.isReadable(tokenFile)) {
          throw new InputException(file, "cannot be read");
        }
      }
      default -> { }
    }
    try {
      return SignIn.of(new SignIn.Options(m, tenantId, id, secret, certificate, password, tokenFile), chosen,
          message -> err.println(Printable.line("posture: " + message)));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--auth " + method + ": " + e.getMessage()); // azure-identity's check of a tenant or client id
    }
  }

  private static void require(String clientId, String tenantId, String method) {
    if (clientId == null || tenantId == null) {
      throw new UsageException("--auth " + method + " needs --client-id (or AZURE_CLIENT_ID) and --tenant (or AZURE_TENANT_ID)");
    }
  }

  /** "users 12,000 of ~1,000,000" on one line of a terminal, rewritten at most a few times a second. */
  private static final class TerminalProgress {
    private final PrintWriter err;
    private final boolean terminal;
    private long last;
    private int shown;

    TerminalProgress(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    synchronized void show(String line) {
      long now = System.nanoTime();
      if (!terminal || now - last < 250_000_000L) {
        return;
      }
      last = now;
      String text = "posture collect: " + line;
      err.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
      err.flush();
      shown = text.length();
    }

    synchronized void clear() {
      if (shown > 0) {
        err.print("\r" + " ".repeat(shown) + "\r");
        err.flush();
        shown = 0;
      }
    }
  }
}
