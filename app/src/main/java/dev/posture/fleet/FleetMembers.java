package dev.posture.fleet;

import dev.posture.input.InputException;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.tenant.TenantFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The tenant folders a fleet is made of: each folder named, or, for a folder of tenant folders, those inside it. */
public final class FleetMembers {
  private FleetMembers() {}

  /** The tenant folders, in the order named and, inside a folder, by name; only those of the shard. */
  public static List<Path> find(List<Path> folders, Shard shard) {
    List<Path> tenants = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        throw new InputException(folder.toString(), "not a folder; expected a tenant folder or a folder of tenant folders");
      }
      if (isTenant(folder)) {
        tenants.add(folder);
        continue;
      }
      List<Path> inside = subfolders(folder).stream().filter(FleetMembers::isTenant).toList();
      if (inside.isEmpty()) {
        throw new InputException(folder.toString(), "holds no tenant folder (one with snapshot.json or .yaml, or secure-score/)");
      }
      tenants.addAll(inside);
    }
    // by folder name: a shard takes a tenant whatever its files hold, so even a broken one is reported by exactly one shard
    return tenants.stream().filter(t -> shard.includes(name(t))).toList();
  }

  static String name(Path folder) {
    Path name = folder.toAbsolutePath().normalize().getFileName();
    return name == null ? folder.toString() : name.toString();
  }

  private static boolean isTenant(Path folder) {
    return SnapshotLocation.in(folder).isPresent() || Files.isDirectory(folder.resolve(TenantFolder.SECURE_SCORE));
  }

  private static List<Path> subfolders(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new InputException(folder.toString(), "cannot list it (" + e.getMessage() + ")");
    }
  }
}
