package io.proxima.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.platform.persistence.PersistenceTestKit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two "nodes" (claims with different names) against one real PostgreSQL, as the application role.
 */
class ScheduleClaimsTest {

  private static final Duration PERIOD = Duration.ofMillis(600);

  private final PersistenceTestKit kit = PersistenceTestKit.shared();
  private final DataSource database = kit.applicationDataSource();
  private final ScheduleClaims first = new ScheduleClaims(database, "node-a");
  private final ScheduleClaims second = new ScheduleClaims(database, "node-b");
  private final String name = "test-" + UUID.randomUUID();

  @Test
  void aNewScheduleWaitsOnePeriodThenRunsOncePerPeriodAcrossNodes() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    assertThat(first.runIfDue(name, PERIOD, runs::incrementAndGet)).isFalse();
    assertThat(first.lastRun(name)).hasValueSatisfying(last -> assertThat(last.runs()).isZero());

    // Both nodes ask every 50 ms for three periods, from several threads each: every period is
    // claimed once, whoever asks first.
    ExecutorService nodes = Executors.newFixedThreadPool(4);
    long end = System.nanoTime() + PERIOD.multipliedBy(3).plusMillis(300).toNanos();
    List<Future<Integer>> askers = new ArrayList<>();
    for (ScheduleClaims node : List.of(first, second, first, second)) {
      askers.add(
          nodes.submit(
              () -> {
                int ran = 0;
                while (System.nanoTime() < end) {
                  if (node.runIfDue(name, PERIOD, runs::incrementAndGet)) {
                    ran++;
                  }
                  Thread.sleep(50);
                }
                return ran;
              }));
    }
    int claimed = 0;
    for (Future<Integer> asker : askers) {
      claimed += asker.get(30, TimeUnit.SECONDS);
    }
    nodes.shutdown();
    assertThat(runs.get()).isEqualTo(claimed).isEqualTo(3);
    assertThat(first.lastRun(name))
        .hasValueSatisfying(last -> assertThat(last.runs()).isEqualTo(3));
  }

  @Test
  void aRunningScheduleIsNotStartedAgainAndANodeThatDiesMidRunHandsOver() throws Exception {
    first.runIfDue(name, PERIOD, () -> {});
    Thread.sleep(PERIOD.toMillis() + 50);

    // Node A runs long (past its period) and then its database session dies, as with kill -9.
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    ExecutorService nodeA = Executors.newSingleThreadExecutor();
    Future<Boolean> stuck =
        nodeA.submit(
            () ->
                first.runIfDue(
                    name,
                    PERIOD,
                    () -> {
                      running.countDown();
                      awaitQuietly(released);
                    }));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(PERIOD.toMillis() + 50);
    AtomicInteger byB = new AtomicInteger();
    assertThat(second.runIfDue(name, PERIOD, byB::incrementAndGet))
        .as("due again, but node A still runs it")
        .isFalse();

    terminateSessionsHoldingTheLock();
    released.countDown();
    assertThat(catchFailure(stuck)).as("node A's run could not record its end").isTrue();
    nodeA.shutdown();

    assertThat(second.runIfDue(name, PERIOD, byB::incrementAndGet)).isTrue();
    assertThat(byB).hasValue(1);
    assertThat(second.lastRun(name))
        .hasValueSatisfying(last -> assertThat(last.node()).isEqualTo("node-b"));
  }

  @Test
  void aFailedRunWaitsForTheNextPeriodAndKeepsTheScheduleUsable() throws Exception {
    first.runIfDue(name, PERIOD, () -> {});
    Thread.sleep(PERIOD.toMillis() + 50);
    try {
      first.runIfDue(
          name,
          PERIOD,
          () -> {
            throw new IllegalStateException("the work failed");
          });
    } catch (IllegalStateException expected) {
      // the caller logs it
    }
    AtomicInteger runs = new AtomicInteger();
    assertThat(second.runIfDue(name, PERIOD, runs::incrementAndGet))
        .as("the lock was released, the period was spent")
        .isFalse();
    Thread.sleep(PERIOD.toMillis() + 50);
    assertThat(second.runIfDue(name, PERIOD, runs::incrementAndGet)).isTrue();
    assertThat(runs).hasValue(1);
  }

  private void terminateSessionsHoldingTheLock() throws SQLException {
    try (Connection owner = kit.superuserDataSource().getConnection();
        PreparedStatement kill =
            owner.prepareStatement(
                "SELECT pg_terminate_backend(l.pid) FROM pg_locks l"
                    + " WHERE l.locktype = 'advisory' AND l.objsubid = 2"
                    + " AND l.classid::int8 = (hashtext(?)::int8 & 4294967295)"
                    + " AND l.objid::int8 = (hashtext(?)::int8 & 4294967295)")) {
      kill.setString(1, ScheduleClaims.LOCK_SPACE);
      kill.setString(2, name);
      kill.execute();
    }
  }

  private static boolean catchFailure(Future<Boolean> run) {
    try {
      run.get(10, TimeUnit.SECONDS);
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
