package dev.posture.snapshot;

import dev.posture.catalog.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The device groups the snapshot's devices belong to: Defender for Endpoint's {@code rbacGroupName}. */
public final class DeviceGroups {
  private DeviceGroups() {}

  public static Set<String> of(Snapshot snapshot) {
    Set<String> groups = new TreeSet<>();
    snapshot.elements().forEach(Set.of(Collection.DEVICES), (collection, device) -> {
      if (device.get("rbacGroupName") instanceof String group) {
        groups.add(group);
      }
    });
    return groups;
  }
}
