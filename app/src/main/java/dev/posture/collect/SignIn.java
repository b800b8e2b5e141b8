package dev.posture.collect;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Signs in with azure-identity and hands out its tokens, one audience a service, each kept in memory
 * until shortly before it expires. Nothing is cached on disk.
 */
public final class SignIn implements TokenSource {
  public enum Method { DEVICE_CODE, CLIENT_SECRET, CERTIFICATE, WORKLOAD_IDENTITY, AZURE_CLI, MANAGED_IDENTITY }

  /**
   * Microsoft Graph Command Line Tools, the public client Microsoft's own Graph PowerShell signs in
   * with: device code works without an app registration of one's own.
   */
  static final String GRAPH_COMMAND_LINE_TOOLS = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

  /** The delegated Graph permissions device code asks for when no app of one's own is named. */
  static final List<String> DELEGATED_GRAPH = List.of("Organization.Read.All", "Domain.Read.All", "Policy.Read.All",
      "AuditLog.Read.All", "User.Read.All", "GroupMember.Read.All", "RoleManagement.Read.Directory", "GroupSettings.Read.All",
      "OnPremDirectorySynchronization.Read.All", "SharePointTenantSettings.Read.All", "DeviceManagementManagedDevices.Read.All",
      "SecurityEvents.Read.All");

  /**
   * @param tenant id or domain; null for device code (any work account) and the Azure CLI (its own)
   * @param secret the client secret, read from the variable {@code --client-secret-env} names
   * @param certificatePassword for a PFX certificate, else null
   */
  public record Options(Method method, String tenant, String clientId, String secret, Path certificate, String certificatePassword,
      Path federatedTokenFile) {}

  private final TokenCredential credential;
  private final Cloud cloud;
  private final Options options;
  private final Map<Service, AccessToken> tokens = new EnumMap<>(Service.class);

  private SignIn(TokenCredential credential, Cloud cloud, Options options) {
    this.credential = credential;
    this.cloud = cloud;
    this.options = options;
  }

  /** @param prompt shows the device code message (where to go, which code to enter) */
  public static SignIn of(Options o, Cloud cloud, Consumer<String> prompt) {
    String authority = cloud.authorityHost();
    TokenCredential credential = switch (o.method()) {
      case DEVICE_CODE -> new DeviceCodeCredentialBuilder().authorityHost(authority)
          .tenantId(o.tenant() == null ? "organizations" : o.tenant())
          .clientId(o.clientId() == null ? GRAPH_COMMAND_LINE_TOOLS : o.clientId())
          .challengeConsumer(challenge -> prompt.accept(challenge.getMessage())).build();
      case CLIENT_SECRET -> new ClientSecretCredentialBuilder().authorityHost(authority).tenantId(o.tenant())
          .clientId(o.clientId()).clientSecret(o.secret()).build();
      case CERTIFICATE -> {
        ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder().authorityHost(authority)
            .tenantId(o.tenant()).clientId(o.clientId());
        String file = o.certificate().toString();
        yield (o.certificatePassword() == null ? b.pemCertificate(file) : b.pfxCertificate(file).clientCertificatePassword(o.certificatePassword()))
            .build();
      }
      case WORKLOAD_IDENTITY -> new WorkloadIdentityCredentialBuilder().authorityHost(authority).tenantId(o.tenant())
          .clientId(o.clientId()).tokenFilePath(o.federatedTokenFile().toString()).build();
      case AZURE_CLI -> {
        AzureCliCredentialBuilder b = new AzureCliCredentialBuilder();
        yield (o.tenant() == null ? b : b.tenantId(o.tenant())).build();
      }
      case MANAGED_IDENTITY -> {
        ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder();
        yield (o.clientId() == null ? b : b.clientId(o.clientId())).build();
      }
    };
    return new SignIn(credential, cloud, o);
  }

  @Override
  public boolean delegated() {
    return options.method() == Method.DEVICE_CODE || options.method() == Method.AZURE_CLI;
  }

  @Override
  public synchronized String token(Service service) {
    AccessToken token = tokens.get(service);
    if (token == null || token.getExpiresAt().isBefore(OffsetDateTime.now().plusMinutes(2))) {
      String scope = cloud.scope(service);
      TokenRequestContext request = new TokenRequestContext();
      if (service == Service.GRAPH && options.method() == Method.DEVICE_CODE && options.clientId() == null) {
        DELEGATED_GRAPH.forEach(p -> request.addScopes(cloud.base(Service.GRAPH) + "/" + p));
      } else {
        request.addScopes(scope);
      }
      try {
        token = credential.getTokenSync(request);
      } catch (RuntimeException e) {
        throw new SignInException(service, "cannot sign in to " + service.label() + " (" + scope + ") with "
            + options.method().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + firstLine(e));
      }
      if (token == null) {
        throw new SignInException(service, "cannot sign in to " + service.label() + " (" + scope + "): no token came back");
      }
      tokens.put(service, token);
    }
    return token.getToken();
  }

  /** azure-identity's messages run to many lines of advice; the first says what failed. */
  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl).strip();
    return m.length() > 300 ? m.substring(0, 297) + "..." : m;
  }
}
