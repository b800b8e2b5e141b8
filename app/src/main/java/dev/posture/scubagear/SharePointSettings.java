package dev.posture.scubagear;

import dev.posture.input.Node;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's {@code sharepointSettings} from SharePoint's own tenant settings ({@code SPO_tenant}: what
 * {@code Get-SPOTenant}, or the SharePoint admin REST API newer ScubaGear versions call, returns), for
 * the settings both name: SharePoint's PascalCase to Graph's names, its enumerations (numbers in the
 * REST API, names from the cmdlet) to Graph's values, its negatives ({@code
 * PreventExternalUsersFromResharing}) to Graph's positives. Settings Graph does not have are left out;
 * so is the browser idle sign-out, which is not a tenant setting there.
 */
final class SharePointSettings {
  private static final List<String> SHARING = List.of("disabled", "externalUserSharingOnly", "externalUserAndGuestSharing",
      "existingExternalUserSharingOnly");
  private static final List<String> DOMAIN_RESTRICTION = List.of("none", "allowList", "blockList");
  private static final List<String> IMAGE_TAGGING = List.of("disabled", "basic", "enhanced");

  /** One Graph setting and the SharePoint setting it is made from. */
  private record Setting(String graph, String sharePoint, Function<JsonNode, Optional<JsonNode>> value) {}

  private static final List<Setting> SETTINGS = List.of(
      new Setting("sharingCapability", "SharingCapability", v -> choice(v, SHARING)),
      new Setting("sharingDomainRestrictionMode", "SharingDomainRestrictionMode", v -> choice(v, DOMAIN_RESTRICTION)),
      new Setting("sharingAllowedDomainList", "SharingAllowedDomainList", SharePointSettings::words),
      new Setting("sharingBlockedDomainList", "SharingBlockedDomainList", SharePointSettings::words),
      new Setting("isResharingByExternalUsersEnabled", "PreventExternalUsersFromResharing", SharePointSettings::not),
      new Setting("isLegacyAuthProtocolsEnabled", "LegacyAuthProtocolsEnabled", SharePointSettings::bool),
      new Setting("isUnmanagedSyncAppForTenantRestricted", "IsUnmanagedSyncClientForTenantRestricted", SharePointSettings::bool),
      new Setting("isRequireAcceptingUserToMatchInvitedUserEnabled", "RequireAcceptingAccountMatchInvitedAccount",
          SharePointSettings::bool),
      new Setting("allowedDomainGuidsForSyncApp", "AllowedDomainListForSyncClient", SharePointSettings::texts),
      new Setting("excludedFileExtensionsForSyncApp", "ExcludedFileExtensionsForSyncClient", SharePointSettings::texts),
      new Setting("isMacSyncAppEnabled", "BlockMacSync", SharePointSettings::not),
      new Setting("isSyncButtonHiddenOnPersonalSite", "HideSyncButtonOnODB", SharePointSettings::bool),
      new Setting("isCommentingOnSitePagesEnabled", "CommentsOnSitePagesDisabled", SharePointSettings::not),
      new Setting("isSharePointMobileNotificationEnabled", "NotificationsInSharePointEnabled", SharePointSettings::bool),
      new Setting("isLoopEnabled", "IsLoopEnabled", SharePointSettings::bool),
      new Setting("isSiteCreationEnabled", "SelfServiceSiteCreationDisabled", SharePointSettings::not),
      new Setting("isSiteCreationUIEnabled", "DisplayStartASiteOption", SharePointSettings::bool),
      new Setting("imageTaggingOption", "ImageTaggingOption", v -> choice(v, IMAGE_TAGGING)),
      new Setting("deletedUserPersonalSiteRetentionPeriodInDays", "OrphanedPersonalSitesRetentionPeriod", SharePointSettings::number),
      new Setting("personalSiteDefaultStorageLimitInMB", "OneDriveStorageQuota", SharePointSettings::number));

  private SharePointSettings() {}

  static Mapped of(ProviderSettingsExport export) {
    Optional<Node> tenant = export.object("SPO_tenant", "SharePoint tenant");
    if (tenant.isEmpty()) {
      return Mapped.Missing.because("SPO_tenant is empty");
    }
    ObjectNode graph = JsonNodeFactory.instance.objectNode();
    for (Setting s : SETTINGS) {
      JsonNode value = tenant.get().value().get(s.sharePoint());
      if (value != null && !value.isNull()) {
        Node at = tenant.get().field(s.sharePoint());
        graph.set(s.graph(), s.value().apply(unwrapped(value))
            .orElseThrow(() -> at.error("expected " + expected(s) + ", found " + at.describe())));
      }
    }
    return new Mapped.Found(graph);
  }

  /** The REST API's verbose OData wraps a collection: {@code {"__metadata": ..., "results": [...]}}. */
  private static JsonNode unwrapped(JsonNode value) {
    return value.isObject() && value.has("results") ? value.get("results") : value;
  }

  private static String expected(Setting s) {
    return switch (s.graph()) {
      case "sharingCapability" -> "0 to 3, or one of " + String.join(", ", SHARING);
      case "sharingDomainRestrictionMode" -> "0 to 2, or one of " + String.join(", ", DOMAIN_RESTRICTION);
      case "imageTaggingOption" -> "0 to 2, or one of " + String.join(", ", IMAGE_TAGGING);
      case "sharingAllowedDomainList", "sharingBlockedDomainList" -> "domains separated by spaces";
      case "allowedDomainGuidsForSyncApp", "excludedFileExtensionsForSyncApp" -> "a list of strings";
      case "deletedUserPersonalSiteRetentionPeriodInDays", "personalSiteDefaultStorageLimitInMB" -> "a whole number";
      default -> "true or false";
    };
  }

  /** SharePoint's enumeration: its number in the REST API, its name (in PascalCase) from the cmdlet. */
  private static Optional<JsonNode> choice(JsonNode value, List<String> graph) {
    if (value.isIntegralNumber() && value.asInt() >= 0 && value.asInt() < graph.size()) {
      return Optional.of(JsonNodeFactory.instance.stringNode(graph.get(value.asInt())));
    }
    if (value.isString()) {
      return graph.stream().filter(g -> g.equalsIgnoreCase(value.stringValue())).findFirst()
          .map(JsonNodeFactory.instance::stringNode);
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> bool(JsonNode value) {
    JsonNode b = PowerShellValues.cmdletValue(value);
    return b.isBoolean() ? Optional.of(b) : Optional.empty();
  }

  private static Optional<JsonNode> not(JsonNode value) {
    return bool(value).map(b -> BooleanNode.valueOf(!b.booleanValue()));
  }

  private static Optional<JsonNode> number(JsonNode value) {
    if (value.isIntegralNumber()) {
      return Optional.of(value);
    }
    if (value.isString() && value.stringValue().matches("\\d{1,18}")) {
      return Optional.of(JsonNodeFactory.instance.numberNode(Long.parseLong(value.stringValue())));
    }
    return Optional.empty();
  }

  /** A list SharePoint keeps as one string of words, separated by spaces. */
  private static Optional<JsonNode> words(JsonNode value) {
    if (!value.isString()) {
      return Optional.empty();
    }
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (String word : value.stringValue().trim().split("\\s+")) {
      if (!word.isEmpty()) {
        list.add(word);
      }
    }
    return Optional.of(list);
  }

  /** A list of strings; the empty strings the REST API pads it with are left out. */
  private static Optional<JsonNode> texts(JsonNode value) {
    if (value.isString()) {
      return words(value);
    }
    if (!value.isArray()) {
      return Optional.empty();
    }
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (JsonNode item : value) {
      if (!item.isString()) {
        return Optional.empty();
      }
      if (!item.stringValue().isEmpty()) {
        list.add(item);
      }
    }
    return Optional.of(list);
  }
}
