package io.proxima.platform.schedule;

import io.proxima.platform.persistence.ConfiguredDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Background work that runs once per period in the whole cluster, on whichever node claims the
 * period first ({@link ScheduleClaims}). Every node ticks several times a period and asks; when the
 * node that ran last dies, the next tick of another node finds the period due and runs it. Work
 * that claims its own rows ({@code FOR UPDATE SKIP LOCKED} outboxes) is safe on every node and does
 * not need this; node-local chores (a node's own sockets, its copy of the signing keys) must not
 * use it.
 */
@ApplicationScoped
public class ClusterSchedules {

  private static final Logger LOG = Logger.getLogger(ClusterSchedules.class.getName());
  static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  /** How often a node asks, whatever the period: often enough to take over within seconds. */
  static final Duration LONGEST_TICK = Duration.ofSeconds(30);

  static final Duration SHORTEST_TICK = Duration.ofMillis(250);

  private final ScheduleClaims claims;
  private final String node;
  private final List<ScheduledFuture<?>> ticks = new CopyOnWriteArrayList<>();

  protected ClusterSchedules() {
    this.claims = null;
    this.node = null;
  }

  @Inject
  public ClusterSchedules(@ConfigProperty(name = "proxima.node.name") Optional<String> node) {
    this.node = node.filter(n -> !n.isBlank()).orElseGet(ClusterSchedules::defaultNodeName);
    // The application role's own connections, unpooled: the container's scheduler threads see
    // none of the names (java:app, java:comp/env) through which a library jar reaches the pool.
    this.claims = new ScheduleClaims(new ConfiguredDataSource(), this.node);
  }

  /**
   * Runs {@code work} once every {@code period} in the cluster, the first time one period after the
   * schedule was first seen by any node. A failure is logged and waits for the next period; it
   * never cancels the schedule.
   *
   * @param name the schedule's name in {@code cluster_schedule}, the same on every node
   */
  public void every(String name, Duration period, Runnable work) {
    ManagedScheduledExecutorService scheduler;
    try {
      // Looked up, not @Resource-injected: Payara binds no java:comp/env entry for a @Resource
      // field of a bean in a library JAR, and deployment fails on it.
      scheduler = InitialContext.doLookup(SCHEDULER);
    } catch (NamingException e) {
      LOG.log(Level.SEVERE, "No scheduler at " + SCHEDULER + "; " + name + " does not run", e);
      return;
    }
    long tick = tick(period).toMillis();
    Runnable attempt = new Attempt(name, period, work);
    ticks.add(scheduler.scheduleWithFixedDelay(attempt, tick, tick, TimeUnit.MILLISECONDS));
    LOG.info(() -> name + " runs once every " + period + " in the cluster; node " + node + " asks");
  }

  /** A tenth of the period, within bounds: lateness after a takeover stays a small part of it. */
  static Duration tick(Duration period) {
    Duration tenth = period.dividedBy(10);
    if (tenth.compareTo(SHORTEST_TICK) < 0) {
      return SHORTEST_TICK;
    }
    return tenth.compareTo(LONGEST_TICK) > 0 ? LONGEST_TICK : tenth;
  }

  public String node() {
    return node;
  }

  @PreDestroy
  void stop() {
    ticks.forEach(tick -> tick.cancel(false));
    ticks.clear();
  }

  private static String defaultNodeName() {
    // "pid@host", unique per process on a machine and readable by operators.
    return ManagementFactory.getRuntimeMXBean().getName();
  }

  private final class Attempt implements Runnable {
    private final String name;
    private final Duration period;
    private final Runnable work;
    private final RunFailures failures;

    Attempt(String name, Duration period, Runnable work) {
      this.name = name;
      this.period = period;
      this.work = work;
      this.failures = new RunFailures(LOG, "cluster schedule " + name);
    }

    @Override
    public void run() {
      try {
        if (claims.runIfDue(name, period, work)) {
          LOG.info(() -> "cluster schedule " + name + " ran on " + node);
        }
        failures.succeeded();
      } catch (Exception e) {
        // Ticks while the application still deploys (tables not yet migrated) fail: not worth a
        // warning. Later failures are, and the next tick tries again.
        failures.failed(e);
      }
    }
  }
}
