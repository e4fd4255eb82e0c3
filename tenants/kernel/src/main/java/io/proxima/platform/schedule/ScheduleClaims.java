package io.proxima.platform.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which node runs a cluster-wide schedule's next period, decided in PostgreSQL. A run needs two
 * things: the schedule's session-level advisory lock (so a run that outlasts its period never
 * overlaps the next one), and the claim of a period that is due (a conditional update only one node
 * can win). The lock lives on the connection the run holds, so a node that dies mid-run frees it
 * with its socket, and the next node whose tick finds the schedule due takes over; no lease to
 * expire, no leader to elect.
 */
public final class ScheduleClaims {

  /** The advisory lock space of cluster schedules; the second key is the schedule's name. */
  static final String LOCK_SPACE = "proxima.cluster-schedule";

  /** What a schedule's row says about its last run. */
  public record LastRun(long runs, String node) {}

  private final DataSource dataSource;
  private final String node;

  public ScheduleClaims(DataSource dataSource, String node) {
    this.dataSource = dataSource;
    this.node = node;
  }

  /**
   * Runs {@code work} on this node if {@code name}'s period is due and no node is running it;
   * returns whether it ran here. A schedule seen for the first time starts its first period now, so
   * a fresh cluster never begins with a run. The period counts from the start of the last run, so a
   * failed run waits for the next period like a successful one.
   */
  public boolean runIfDue(String name, Duration period, Runnable work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      if (!tryLock(connection, name)) {
        return false;
      }
      try {
        register(connection, name);
        if (!claim(connection, name, period)) {
          return false;
        }
        work.run();
        finished(connection, name);
        return true;
      } finally {
        unlock(connection, name);
      }
    }
  }

  /** The schedule's last run as the cluster recorded it; empty before its first period started. */
  public Optional<LastRun> lastRun(String name) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT runs, last_node FROM cluster_schedule WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(new LastRun(row.getLong(1), row.getString(2)))
            : Optional.empty();
      }
    }
  }

  private static boolean tryLock(Connection connection, String name) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?), hashtext(?))")) {
      lock.setQueryTimeout(5);
      lock.setString(1, LOCK_SPACE);
      lock.setString(2, name);
      try (ResultSet row = lock.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection connection, String name) throws SQLException {
    try (PreparedStatement unlock =
        connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?), hashtext(?))")) {
      unlock.setQueryTimeout(5);
      unlock.setString(1, LOCK_SPACE);
      unlock.setString(2, name);
      unlock.execute();
    }
  }

  private void register(Connection connection, String name) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO cluster_schedule (name, last_started_at, last_node, runs)"
                + " VALUES (?, now(), ?, 0) ON CONFLICT (name) DO NOTHING")) {
      insert.setQueryTimeout(5);
      insert.setString(1, name);
      insert.setString(2, node);
      insert.executeUpdate();
    }
  }

  private boolean claim(Connection connection, String name, Duration period) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE cluster_schedule SET last_started_at = now(), last_finished_at = NULL,"
                + " last_node = ?, runs = runs + 1"
                + " WHERE name = ? AND last_started_at <= now() - make_interval(secs => ?)")) {
      update.setQueryTimeout(5);
      update.setString(1, node);
      update.setString(2, name);
      update.setDouble(3, period.toMillis() / 1000.0);
      return update.executeUpdate() == 1;
    }
  }

  private static void finished(Connection connection, String name) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE cluster_schedule SET last_finished_at = now() WHERE name = ?")) {
      update.setQueryTimeout(5);
      update.setString(1, name);
      update.executeUpdate();
    }
  }
}
