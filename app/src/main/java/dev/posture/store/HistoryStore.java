package dev.posture.store;

import dev.posture.scoring.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The history database: runs recorded one transaction each (all or nothing), Microsoft's days once
 * each, groups of tenants, and the queries the history, compare and fleet commands read. One
 * connection, one call at a time, so a pool of workers may share it. The JDBC drivers load only when a
 * store is opened.
 */
public final class HistoryStore implements AutoCloseable {
  /** How long a store locked by another recorder is waited for, and a server for an answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final List<String> VIEWS = List.of("current", "planned", "currentLicense", "achievable");
  private static final Comparator<String> VIEW_ORDER = Comparator.comparingInt(
      v -> VIEWS.indexOf(v) < 0 ? VIEWS.size() : VIEWS.indexOf(v));
  private static final Comparator<String> SCOPE_ORDER = Comparator.<String, Boolean>comparing(s -> !s.equals(RunRecord.OVERALL))
      .thenComparing(Comparator.naturalOrder());

  private final StoreLocation location;
  private final Duration timeout;
  private final Connection connection;

  private HistoryStore(StoreLocation location, Duration timeout, Connection connection) {
    this.location = location;
    this.timeout = timeout;
    this.connection = connection;
  }

  public static HistoryStore open(StoreLocation location) {
    return open(location, DEFAULT_TIMEOUT);
  }

  /** Opens the store and brings its schema up to date; the first use creates it. */
  public static HistoryStore open(StoreLocation location, Duration timeout) {
    return open(location, timeout, Migrations.LATEST);
  }

  /** Opens the store at an older schema version, as an earlier posture left it. */
  static HistoryStore open(StoreLocation location, Duration timeout, int version) {
    Connection connection = null;
    try {
      connection = location.dialect().connect(location, timeout);
      Migrations.migrate(connection, location.dialect(), location, version);
      return new HistoryStore(location, timeout, connection);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw location.dialect().failure(location, e, timeout);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** The store's name as messages show it, without credentials. */
  public String name() {
    return location.toString();
  }

  public synchronized int schemaVersion() {
    return query(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT MAX(version) FROM schema_version"); ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    });
  }

  /** Records an assessment's run in one transaction: nothing of it is stored unless all of it is. */
  public synchronized Run record(RunRecord run) {
    if (run.source() != Source.POSTURE) {
      throw new IllegalArgumentException("Microsoft's days are recorded by recordMicrosoftDays");
    }
    return transaction(c -> insert(c, run).orElseThrow());
  }

  /**
   * Records the days of Microsoft's history the store does not hold yet, all in one transaction, and
   * returns those it stored. A day already stored (by this or another process) is left as it is.
   */
  public synchronized List<Run> recordMicrosoftDays(List<RunRecord> days) {
    if (days.stream().anyMatch(d -> d.source() != Source.MICROSOFT)) {
      throw new IllegalArgumentException("only Microsoft's days are recorded here");
    }
    return transaction(c -> {
      List<Run> stored = new ArrayList<>();
      for (RunRecord day : days) {
        insert(c, day).ifPresent(stored::add);
      }
      return stored;
    });
  }

  /** Inserts the run; empty when it is a Microsoft day the store already has. */
  private static Optional<Run> insert(Connection c, RunRecord run) throws SQLException {
    try (PreparedStatement tenant = c.prepareStatement(
        "INSERT INTO tenant (id, display_name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name")) {
      tenant.setString(1, run.tenantId());
      tenant.setString(2, run.tenantName());
      tenant.executeUpdate();
    }
    long id;
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO run (tenant_id, recorded_at, recorded_on, source) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id")) {
      insert.setString(1, run.tenantId());
      insert.setString(2, Times.format(run.recordedAt()));
      insert.setString(3, Times.day(run.recordedAt()));
      insert.setString(4, run.source().key());
      try (ResultSet rs = insert.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement score = c.prepareStatement(
        "INSERT INTO score (run_id, view_name, scope, points, max_points) VALUES (?, ?, ?, ?, ?)")) {
      for (RunRecord.Score s : run.scores()) {
        score.setLong(1, id);
        score.setString(2, s.view());
        score.setString(3, s.scope());
        score.setDouble(4, s.points());
        score.setDouble(5, s.max());
        score.addBatch();
      }
      score.executeBatch();
    }
    try (PreparedStatement action = c.prepareStatement(
        "INSERT INTO action_result (run_id, action_id, points, max_points, status, source) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (RunRecord.ActionOutcome a : run.actions()) {
        action.setLong(1, id);
        action.setString(2, a.id());
        action.setDouble(3, a.points());
        if (a.max().isPresent()) {
          action.setDouble(4, a.max().get());
        } else {
          action.setNull(4, Types.DOUBLE);
        }
        action.setString(5, a.status().orElse(null));
        action.setString(6, a.source().key());
        action.addBatch();
      }
      action.executeBatch();
    }
    return Optional.of(new Run(id, run.tenantId(), Times.parse(Times.format(run.recordedAt())), run.source()));
  }

  /** The newest run of the tenant from the source, on or before a day (UTC) when one is given. */
  public synchronized Optional<Run> lastRun(String tenantId, Source source, Optional<LocalDate> onOrBefore) {
    return query(c -> {
      String sql = "SELECT id, tenant_id, recorded_at, source FROM run WHERE tenant_id = ? AND source = ?"
          + (onOrBefore.isPresent() ? " AND recorded_on <= ?" : "") + " ORDER BY recorded_at DESC, id DESC LIMIT 1";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setString(1, tenantId);
        s.setString(2, source.key());
        if (onOrBefore.isPresent()) {
          s.setString(3, onOrBefore.get().toString());
        }
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(run(rs)) : Optional.empty();
        }
      }
    });
  }

  /** The run with its scores and actions. */
  public synchronized Optional<RunDetail> run(long id) {
    return query(c -> {
      Run run;
      try (PreparedStatement s = c.prepareStatement("SELECT id, tenant_id, recorded_at, source FROM run WHERE id = ?")) {
        s.setLong(1, id);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          run = run(rs);
        }
      }
      List<RunRecord.Score> scores = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT view_name, scope, points, max_points FROM score WHERE run_id = ?")) {
        s.setLong(1, id);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            scores.add(new RunRecord.Score(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)));
          }
        }
      }
      scores.sort(Comparator.comparing(RunRecord.Score::view, VIEW_ORDER).thenComparing(RunRecord.Score::scope, SCOPE_ORDER));
      List<RunRecord.ActionOutcome> actions = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT action_id, points, max_points, status, source FROM action_result WHERE run_id = ? ORDER BY action_id")) {
        s.setLong(1, id);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            double points = rs.getDouble(2);
            double max = rs.getDouble(3);
            Optional<Double> maybeMax = rs.wasNull() ? Optional.empty() : Optional.of(max);
            actions.add(new RunRecord.ActionOutcome(rs.getString(1), points, maybeMax, Optional.ofNullable(rs.getString(4)),
                source(rs.getString(5))));
          }
        }
      }
      return Optional.of(new RunDetail(run, List.copyOf(scores), List.copyOf(actions)));
    });
  }

  /** Which actions gained or lost points from one run to another. */
  public synchronized RunDiff diff(Run before, Run after) {
    RunDetail from = run(before.id()).orElseThrow(() -> new IllegalArgumentException("no run " + before.id()));
    RunDetail to = run(after.id()).orElseThrow(() -> new IllegalArgumentException("no run " + after.id()));
    TreeSet<String> ids = new TreeSet<>();
    from.actions().forEach(a -> ids.add(a.id()));
    to.actions().forEach(a -> ids.add(a.id()));
    List<RunDiff.ActionChange> changes = new ArrayList<>();
    for (String id : ids) {
      Optional<RunRecord.ActionOutcome> was = from.action(id);
      Optional<RunRecord.ActionOutcome> is = to.action(id);
      Optional<Double> pointsBefore = was.map(RunRecord.ActionOutcome::points);
      Optional<Double> pointsAfter = is.map(RunRecord.ActionOutcome::points);
      if (!pointsBefore.equals(pointsAfter)) {
        changes.add(new RunDiff.ActionChange(id, pointsBefore, pointsAfter, was.flatMap(RunRecord.ActionOutcome::status),
            is.flatMap(RunRecord.ActionOutcome::status)));
      }
    }
    changes.sort(Comparator.comparingDouble(RunDiff.ActionChange::change).thenComparing(RunDiff.ActionChange::actionId));
    return new RunDiff(from, to, List.copyOf(changes));
  }

  /** The tenant's scores run after run, one series per source, view and scope. */
  public synchronized List<Series> trend(String tenantId, TrendQuery query) {
    return query(c -> {
      StringBuilder sql = new StringBuilder("SELECT r.id, r.recorded_at, r.source, s.view_name, s.scope, s.points, s.max_points"
          + " FROM run r JOIN score s ON s.run_id = r.id WHERE r.tenant_id = ?");
      List<String> parameters = new ArrayList<>(List.of(tenantId));
      query.since().ifPresent(d -> {
        sql.append(" AND r.recorded_on >= ?");
        parameters.add(d.toString());
      });
      query.view().ifPresent(v -> {
        sql.append(" AND s.view_name = ?");
        parameters.add(v);
      });
      query.scope().ifPresent(v -> {
        sql.append(" AND s.scope = ?");
        parameters.add(v);
      });
      query.source().ifPresent(v -> {
        sql.append(" AND r.source = ?");
        parameters.add(v.key());
      });
      sql.append(" ORDER BY r.recorded_at, r.id");
      Map<List<String>, List<Series.Point>> lines = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < parameters.size(); i++) {
          s.setString(i + 1, parameters.get(i));
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            lines.computeIfAbsent(List.of(rs.getString(3), rs.getString(4), rs.getString(5)), k -> new ArrayList<>())
                .add(new Series.Point(rs.getLong(1), Times.parse(rs.getString(2)), rs.getDouble(6), rs.getDouble(7)));
          }
        }
      }
      List<Series> series = new ArrayList<>();
      lines.forEach((key, points) -> series.add(new Series(source(key.get(0)), key.get(1), key.get(2), List.copyOf(points))));
      series.sort(Comparator.comparing(Series::source).thenComparing(Series::view, VIEW_ORDER)
          .thenComparing(Series::scope, SCOPE_ORDER));
      return List.copyOf(series);
    });
  }

  /** Every tenant the store holds, by id. */
  public synchronized List<TenantSummary> tenants() {
    return query(c -> {
      List<TenantSummary> tenants = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT t.id, t.display_name, COUNT(r.id), MAX(r.recorded_at)"
          + " FROM tenant t LEFT JOIN run r ON r.tenant_id = t.id GROUP BY t.id, t.display_name ORDER BY t.id");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          tenants.add(new TenantSummary(rs.getString(1), rs.getString(2), rs.getInt(3),
              Optional.ofNullable(rs.getString(4)).map(Times::parse)));
        }
      }
      return List.copyOf(tenants);
    });
  }

  /** Defines the group, or replaces its members. */
  public synchronized void saveGroup(String name, Collection<String> members) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a group needs a name");
    }
    transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM tenant_group WHERE name = ?")) {
        delete.setString(1, name);
        delete.executeUpdate();
      }
      try (PreparedStatement group = c.prepareStatement("INSERT INTO tenant_group (name) VALUES (?)")) {
        group.setString(1, name);
        group.executeUpdate();
      }
      try (PreparedStatement member = c.prepareStatement("INSERT INTO group_member (group_name, tenant_id) VALUES (?, ?)")) {
        for (String tenant : new TreeSet<>(members)) {
          member.setString(1, name);
          member.setString(2, tenant);
          member.addBatch();
        }
        member.executeBatch();
      }
      return null;
    });
  }

  /** @return false when there was no such group */
  public synchronized boolean removeGroup(String name) {
    return transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM tenant_group WHERE name = ?")) {
        delete.setString(1, name);
        return delete.executeUpdate() > 0;
      }
    });
  }

  public synchronized List<Group> groups() {
    return query(c -> groups(c, Optional.empty()));
  }

  public synchronized Optional<Group> group(String name) {
    return query(c -> groups(c, Optional.of(name)).stream().findFirst());
  }

  private static List<Group> groups(Connection c, Optional<String> name) throws SQLException {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT g.name, m.tenant_id FROM tenant_group g"
        + " LEFT JOIN group_member m ON m.group_name = g.name" + (name.isPresent() ? " WHERE g.name = ?" : "")
        + " ORDER BY g.name, m.tenant_id")) {
      if (name.isPresent()) {
        s.setString(1, name.get());
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          List<String> members = groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
          Optional.ofNullable(rs.getString(2)).ifPresent(members::add);
        }
      }
    }
    List<Group> result = new ArrayList<>();
    groups.forEach((n, members) -> result.add(new Group(n, List.copyOf(members))));
    return result;
  }

  /** The averages of the tenants' latest runs from the source (each tenant's newest, whenever it was). */
  public synchronized Averages averages(Collection<String> tenantIds, Source source) {
    List<String> ids = List.copyOf(new TreeSet<>(tenantIds));
    if (ids.isEmpty()) {
      return new Averages(List.of(), List.of(), List.of());
    }
    return query(c -> {
      String sql = "SELECT r.tenant_id, s.view_name, s.scope, s.points, s.max_points FROM run r JOIN score s ON s.run_id = r.id"
          + " WHERE r.id IN (SELECT (SELECT l.id FROM run l WHERE l.tenant_id = t.id AND l.source = ?"
          + " ORDER BY l.recorded_at DESC, l.id DESC LIMIT 1) FROM tenant t WHERE t.id IN ("
          + String.join(", ", ids.stream().map(i -> "?").toList()) + "))";
      TreeSet<String> counted = new TreeSet<>();
      Map<List<String>, double[]> sums = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setString(1, source.key());
        for (int i = 0; i < ids.size(); i++) {
          s.setString(i + 2, ids.get(i));
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            counted.add(rs.getString(1));
            double[] sum = sums.computeIfAbsent(List.of(rs.getString(2), rs.getString(3)), k -> new double[3]);
            sum[0] += rs.getDouble(4);
            sum[1] += rs.getDouble(5);
            sum[2]++;
          }
        }
      }
      List<Averages.Average> averages = new ArrayList<>();
      sums.forEach((key, sum) -> averages.add(new Averages.Average(key.get(0), key.get(1), sum[0] / sum[2], sum[1] / sum[2], (int) sum[2])));
      averages.sort(Comparator.comparing(Averages.Average::view, VIEW_ORDER).thenComparing(Averages.Average::scope, SCOPE_ORDER));
      return new Averages(List.copyOf(counted), ids.stream().filter(i -> !counted.contains(i)).toList(), List.copyOf(averages));
    });
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw location.dialect().failure(location, e, timeout);
    }
  }

  /** A statement's work, which may fail as JDBC does. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T query(Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw location.dialect().failure(location, e, timeout);
    }
  }

  /** Runs the work in one transaction: committed whole, or rolled back whole on any failure. */
  private <T> T transaction(Work<T> work) {
    try {
      return inTransaction(connection, work);
    } catch (SQLException e) {
      throw location.dialect().failure(location, e, timeout);
    }
  }

  /**
   * The work between a begin and a commit, rolled back on any failure. The connection is left in
   * auto-commit even when the begin itself failed (SQLite's write lock not had in time).
   */
  static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
    try {
      connection.setAutoCommit(false);
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        if (!connection.isClosed() && !connection.getAutoCommit()) {
          connection.rollback();
        }
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    } finally {
      try {
        if (!connection.isClosed()) {
          connection.setAutoCommit(true);
        }
      } catch (SQLException ignored) {
        // no transaction was open: the connection is in auto-commit again all the same
      }
    }
  }

  private Run run(ResultSet rs) throws SQLException {
    return new Run(rs.getLong(1), rs.getString(2), Times.parse(rs.getString(3)), source(rs.getString(4)));
  }

  /** A source this posture does not know is a store written by a newer one, or edited by hand. */
  private Source source(String key) {
    return Source.parse(key).orElseThrow(() -> new StoreException(location, "holds a source this posture does not know: '"
        + key + "'"));
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the failure that led here is the one to report
      }
    }
  }
}
