package io.proxima.calendar.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.calendar.domain.FeedToken;
import io.proxima.local.LocalStack;
import io.proxima.local.LocalStackExtension;
import io.proxima.platform.persistence.DatabaseMigrations;
import io.proxima.platform.tenancy.TenancyConnectionProvider;
import io.proxima.platform.tenancy.TenancyContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database wall around calendars, in plain SQL as the application role: a freelancer's feed,
 * calendars and busy time are theirs alone, an anonymous caller learns a feed's owner only from its
 * token hash, and the refresh's platform scope lists calendars without being able to change them.
 */
@ExtendWith(LocalStackExtension.class)
class CalendarRowLevelSecurityIT {

  private static final String OWNER = "owner-" + UUID.randomUUID();
  private static final String OTHER = "other-" + UUID.randomUUID();
  private static final UUID SOURCE = UUID.randomUUID();
  private static final FeedToken TOKEN = FeedToken.generate();
  private static LocalStack stack;

  @BeforeAll
  static void aFreelancerWithAFeedAndACalendar() throws SQLException {
    stack = LocalStackExtension.stack();
    var config = stack.platformConfiguration();
    new DatabaseMigrations(
            config.getProperty("proxima.db.url"),
            config.getProperty("proxima.db.migration.user"),
            config.getProperty("proxima.db.migration.password"),
            config.getProperty("proxima.db.user"))
        .migrate();
    try (Connection owner = app(TenancyContext.self(OWNER))) {
      update(
          owner,
          "INSERT INTO calendar_feed (freelancer_subject, token_hash, created_at)"
              + " VALUES (?, ?, now())",
          OWNER,
          TOKEN.hash());
      update(
          owner,
          "INSERT INTO calendar_source (id, freelancer_subject, url, created_at)"
              + " VALUES (?, ?, 'https://cal.example.jp/a.ics', now())",
          SOURCE,
          OWNER);
      update(
          owner,
          "INSERT INTO calendar_busy (source_id, freelancer_subject, starts_at, ends_at, all_day,"
              + " imported_at) VALUES (?, ?, now(), now() + interval '1 hour', false, now())",
          SOURCE,
          OWNER);
      owner.commit();
    }
  }

  @Test
  void onlyTheOwnerSeesTheirFeedCalendarsAndBusyTime() throws SQLException {
    for (String table : new String[] {"calendar_feed", "calendar_source", "calendar_busy"}) {
      try (Connection owner = app(TenancyContext.self(OWNER));
          Connection other = app(TenancyContext.self(OTHER));
          Connection anonymous = app(TenancyContext.anonymous());
          Connection tenant = app(TenancyContext.tenant(UUID.randomUUID(), "t", OTHER))) {
        String sql = "SELECT count(*) FROM " + table + " WHERE freelancer_subject = ?";
        assertThat(count(owner, sql, OWNER)).as(table + " as its owner").isEqualTo(1);
        assertThat(count(other, sql, OWNER)).as(table + " as someone else").isZero();
        assertThat(count(anonymous, sql, OWNER)).as(table + " anonymously").isZero();
        assertThat(count(tenant, sql, OWNER)).as(table + " in a tenant").isZero();
      }
    }
  }

  @Test
  void nobodyElseChangesOrRemovesThem() throws SQLException {
    try (Connection other = app(TenancyContext.self(OTHER))) {
      assertThat(update(other, "DELETE FROM calendar_source WHERE id = ?", SOURCE)).isZero();
      assertThat(update(other, "DELETE FROM calendar_feed WHERE freelancer_subject = ?", OWNER))
          .isZero();
      assertThat(
              update(
                  other,
                  "UPDATE calendar_source SET url = 'https://evil.example/' WHERE id = ?",
                  SOURCE))
          .isZero();
      assertThatThrownBy(
              () ->
                  update(
                      other,
                      "INSERT INTO calendar_busy (source_id, freelancer_subject, starts_at,"
                          + " ends_at, all_day, imported_at)"
                          + " VALUES (?, ?, now(), now() + interval '2 hours', false, now())",
                      SOURCE,
                      OWNER))
          .isInstanceOf(SQLException.class);
      other.rollback();
    }
  }

  @Test
  void theTokenHashIsTheOnlyWayInAnonymously() throws SQLException {
    try (Connection anonymous = app(TenancyContext.anonymous())) {
      assertThat(owner(anonymous, TOKEN.hash())).isEqualTo(OWNER);
      assertThat(owner(anonymous, FeedToken.generate().hash())).isNull();
      // The lookup's wider scope ends with it.
      assertThat(count(anonymous, "SELECT count(*) FROM calendar_feed WHERE ? = ?", "x", "x"))
          .isZero();
    }
  }

  @Test
  void thePlatformScopeListsCalendarsButCannotWriteThem() throws SQLException {
    try (Connection platform = app(TenancyContext.platform(null))) {
      assertThat(
              count(
                  platform,
                  "SELECT count(*) FROM calendar_source WHERE freelancer_subject = ?",
                  OWNER))
          .isEqualTo(1);
      assertThat(
              count(
                  platform,
                  "SELECT count(*) FROM calendar_busy WHERE freelancer_subject = ?",
                  OWNER))
          .isZero();
      assertThatThrownBy(
              () ->
                  update(
                      platform, "UPDATE calendar_source SET last_error = 'x' WHERE id = ?", SOURCE))
          .isInstanceOf(SQLException.class);
      platform.rollback();
    }
  }

  private static String owner(Connection connection, byte[] hash) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT calendar_feed_owner(?)")) {
      statement.setBytes(1, hash);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static Connection app(TenancyContext context) throws SQLException {
    var config = stack.platformConfiguration();
    Connection connection =
        DriverManager.getConnection(
            config.getProperty("proxima.db.url"),
            config.getProperty("proxima.db.user"),
            config.getProperty("proxima.db.password"));
    connection.setAutoCommit(false);
    TenancyConnectionProvider.apply(connection, context);
    return connection;
  }

  private static int update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  private static long count(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
