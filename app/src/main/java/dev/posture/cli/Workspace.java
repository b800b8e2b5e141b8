package dev.posture.cli;

import dev.posture.catalog.Action;
import dev.posture.catalog.Catalog;
import dev.posture.catalog.Status;
import dev.posture.input.InputException;
import dev.posture.input.Node;
import dev.posture.scoring.ActionResult;
import dev.posture.scoring.Assessment;
import dev.posture.scoring.ScoringEngine;
import dev.posture.snapshot.DirectoryRole;
import dev.posture.snapshot.Snapshot;
import dev.posture.snapshot.SnapshotLoader;
import dev.posture.snapshot.SnapshotLocation;
import dev.posture.state.Decisions;
import dev.posture.state.Editors;
import dev.posture.state.Stamp;
import dev.posture.state.State;
import dev.posture.state.StateLoader;
import dev.posture.state.StateStore;
import java.util.List;
import java.util.Map;

/** A tenant loaded and assessed, for the commands that work on its actions. */
record Workspace(PostureCommand root, SnapshotLocation location, Catalog catalog, Snapshot snapshot, State state, Assessment assessment) {

  static Workspace load(TenantOptions tenant, CatalogOption catalogOption) {
    PostureCommand root = tenant.root;
    Catalog catalog = catalogOption.load();
    SnapshotLocation location = tenant.location();
    Snapshot snapshot = new SnapshotLoader().load(location, root.invocation.stdin());
    State state = new StateLoader().load(location.state());
    return new Workspace(root, location, catalog, snapshot, state, new ScoringEngine().assess(catalog, snapshot, state, Map.of()));
  }

  /** The scored action with this id; an unknown id is an input error naming the closest ids. */
  ActionResult action(String id) {
    return assessment.action(id).orElseThrow(() -> {
      List<String> near = Node.nearest(id, catalog.actions().stream().map(Action::id).toList());
      return new InputException(id, "no action with this id in the catalogue"
          + (near.isEmpty() ? "; 'posture actions list' shows them all" : "; did you mean " + String.join(", ", near.stream().limit(3).toList()) + "?"));
    });
  }

  /** The rules for changing {@code action}, once the actor is known to be allowed to. */
  Decisions decisions(ActionResult action, ActorOption actor) {
    return new Decisions(action.action(), action.status() == Status.COMPLETED, editor(actor));
  }

  /** Who edits the state file, and now, once the actor is known to hold a read-and-write role. */
  Stamp editor(ActorOption actor) {
    String who = actor.require();
    Editors.refusal(who, DirectoryRole.of(snapshot)).ifPresent(reason -> {
      throw new PermissionDeniedException(reason);
    });
    return Stamp.now(who, root.invocation.clock());
  }

  StateStore store() {
    return new StateStore(location.state());
  }

  /** The state file as the user named it, for confirmations. */
  String stateFile() {
    return location.state().toString();
  }
}
