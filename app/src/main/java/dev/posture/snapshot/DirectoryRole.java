package dev.posture.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A directory role of the tenant and the sign-in names of its members: the users among the
 * directoryObjects Graph lists as its members ({@code directoryRoles[].members}).
 */
public record DirectoryRole(String displayName, List<String> members) {

  public DirectoryRole {
    members = List.copyOf(members);
  }

  /** The roles in a snapshot; entries without a display name are skipped, and members without a sign-in name. */
  public static List<DirectoryRole> of(Snapshot snapshot) {
    List<DirectoryRole> roles = new ArrayList<>();
    if (snapshot.settings().get("directoryRoles") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> role && role.get("displayName") instanceof String name) {
          List<String> members = new ArrayList<>();
          if (role.get("members") instanceof List<?> objects) {
            for (Object member : objects) {
              if (member instanceof Map<?, ?> object && object.get("userPrincipalName") instanceof String upn) {
                members.add(upn);
              }
            }
          }
          roles.add(new DirectoryRole(name, members));
        }
      }
    }
    return roles;
  }

  public boolean hasMember(String upn) {
    return members.stream().anyMatch(upn::equalsIgnoreCase);
  }
}
