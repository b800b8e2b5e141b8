package dev.posture.state;

import dev.posture.input.Node;
import dev.posture.snapshot.DirectoryRole;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may record decisions: as in Secure Score, a member of a read-and-write role. Read-only roles
 * (Helpdesk, User or Service administrator, Security reader or operator, Global reader) may look but
 * not change. Roles are matched by display name, ignoring case and spaces.
 */
public final class Editors {
  /** The read-and-write roles, as Entra ID names them. */
  public static final List<String> ROLES = List.of(
      "Global Administrator", "Security Administrator", "Exchange Administrator", "SharePoint Administrator", "Account Administrator");
  /** Earlier names of the same roles; Global Administrator was Company Administrator. */
  private static final Set<String> FORMER_NAMES = Set.of(Node.normalize("Company Administrator"));

  private Editors() {}

  /** Why {@code actor} may not edit, or empty when they may. */
  public static Optional<String> refusal(String actor, List<DirectoryRole> roles) {
    List<DirectoryRole> held = roles.stream().filter(r -> r.hasMember(actor)).toList();
    if (held.stream().anyMatch(r -> canEdit(r.displayName()))) {
      return Optional.empty();
    }
    String holds = held.isEmpty()
        ? actor + " holds no directory role in the snapshot"
        : actor + " holds " + String.join(", ", held.stream().map(DirectoryRole::displayName).toList()) + ", which can only read";
    return Optional.of(holds + "; recording decisions needs one of: " + String.join(", ", ROLES));
  }

  private static boolean canEdit(String displayName) {
    String name = Node.normalize(displayName);
    return FORMER_NAMES.contains(name) || ROLES.stream().map(Node::normalize).anyMatch(name::equals);
  }
}
