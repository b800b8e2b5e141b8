package dev.posture.cli;

import dev.posture.catalog.Action;
import dev.posture.catalog.CatalogLoader;
import java.util.Iterator;

/**
 * The bundled catalogue's action ids, for the completion script to offer as an action's ID. The
 * catalogue is read only when the ids are asked for, so no other command pays for it.
 */
final class ActionIds implements Iterable<String> {
  private final PostureCommand root;

  ActionIds(PostureCommand root) {
    this.root = root;
  }

  @Override
  public Iterator<String> iterator() {
    return new CatalogLoader(CatalogOption.cacheFolder(root.invocation.env())).loadBundled().actions().stream().map(Action::id).iterator();
  }
}
