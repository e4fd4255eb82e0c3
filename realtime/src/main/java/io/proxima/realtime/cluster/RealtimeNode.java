package io.proxima.realtime.cluster;

import com.typesafe.config.ConfigFactory;
import io.proxima.realtime.freelancer.Freelancer;
import io.proxima.realtime.freelancer.FreelancerStore;
import io.proxima.realtime.live.LiveEvent;
import io.proxima.realtime.live.LiveSinks;
import io.proxima.realtime.live.PresenceBook;
import io.proxima.realtime.live.TenantTopics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This node's Pekko actor system: started when the application starts, joined to the cluster
 * through {@link SeedNodes}, and left gracefully (shards handed over) when the application stops.
 */
@ApplicationScoped
public class RealtimeNode {

  static final String SYSTEM_NAME = "proxima";

  static final int DEFAULT_PORT = 25520;

  /**
   * A JVM system property that overrides how long an idle freelancer entity stays in memory (a
   * HOCON duration such as {@code 45s}); unset, {@code proxima-pekko.conf} says two minutes.
   */
  static final String IDLE_TIMEOUT_PROPERTY = "proxima.realtime.idle-timeout";

  /** Why the actor system stops: Payara is undeploying or stopping the application. */
  enum ApplicationStopped implements CoordinatedShutdown.Reason {
    INSTANCE
  }

  private static final Logger LOG = Logger.getLogger(RealtimeNode.class.getName());

  private final FreelancerStore store;
  private final SeedNodes seedNodes;
  private final boolean enabled;
  private final String host;
  private final int port;
  private final Optional<String> staticSeeds;

  private ActorSystem<Void> system;
  private ActorRef<TenantTopics.Command> topics;
  private ActorRef<LiveSinks.Command> sinks;
  private volatile PresenceBook.View presence;

  protected RealtimeNode() {
    this(null, null, false, null, 0, Optional.empty());
  }

  /**
   * Reads its settings from the configuration of this class's own loader instead of having them
   * injected. The first use of this bean can be the readiness probe, which Payara runs on a request
   * thread of its default web module while the application is still deploying; injection there
   * resolves against that module's configuration, which lacks the platform's config file, and the
   * node took Pekko's default port whatever the file said (a second node on the machine then could
   * not start).
   */
  @Inject
  public RealtimeNode(FreelancerStore store, SeedNodes seedNodes) {
    this(store, seedNodes, ConfigProvider.getConfig(RealtimeNode.class.getClassLoader()));
  }

  private RealtimeNode(FreelancerStore store, SeedNodes seedNodes, Config config) {
    this(
        store,
        seedNodes,
        config.getOptionalValue("proxima.realtime.enabled", Boolean.class).orElse(true),
        advertisedHost(
            config.getOptionalValue("proxima.realtime.host", String.class).orElse("127.0.0.1")),
        config.getOptionalValue("proxima.realtime.port", Integer.class).orElse(DEFAULT_PORT),
        config.getOptionalValue("proxima.realtime.seed-nodes", String.class));
  }

  /**
   * {@code auto} stands for this machine's own address: in a container the other nodes reach it
   * there, and no one configuration can name each replica's address in advance.
   */
  static String advertisedHost(String configured) {
    if (!"auto".equalsIgnoreCase(configured.strip())) {
      return configured.strip();
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(
          "proxima.realtime.host=auto, but this machine's name has no address", e);
    }
  }

  public RealtimeNode(
      FreelancerStore store,
      SeedNodes seedNodes,
      boolean enabled,
      String host,
      int port,
      Optional<String> staticSeeds) {
    this.store = store;
    this.seedNodes = seedNodes;
    this.enabled = enabled;
    this.host = host;
    this.port = port;
    this.staticSeeds = staticSeeds;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (enabled) {
      start();
    } else {
      LOG.info("Real-time core disabled (proxima.realtime.enabled=false)");
    }
  }

  /** Starts the actor system; the application's start does it, tests may too. */
  public synchronized void start() {
    if (system != null) {
      return;
    }
    ClassLoader loader = RealtimeNode.class.getClassLoader();
    Map<String, Object> settings = new java.util.HashMap<>();
    settings.put("pekko.remote.artery.canonical.hostname", host);
    settings.put("pekko.remote.artery.canonical.port", port);
    // A benchmark's knob, not a production setting: the million-entity run (EntityScaleBenchmark)
    // lets idle entities passivate within its run; the file's two minutes apply otherwise.
    String idleTimeout = System.getProperty(IDLE_TIMEOUT_PROPERTY);
    if (idleTimeout != null && !idleTimeout.isBlank()) {
      settings.put(
          "pekko.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout",
          idleTimeout.strip());
    }
    com.typesafe.config.Config config =
        ConfigFactory.parseMap(settings)
            .withFallback(ConfigFactory.parseResources(loader, "proxima-pekko.conf"))
            .withFallback(ConfigFactory.defaultReference(loader))
            .resolve();
    system =
        ActorSystem.create(
            Behaviors.empty(),
            SYSTEM_NAME,
            ActorSystemSetup.create(BootstrapSetup.create(config).withClassloader(loader)));
    topics = system.systemActorOf(TenantTopics.create(), "tenant-topics", Props.empty());
    sinks = system.systemActorOf(LiveSinks.create(), "live-sinks", Props.empty());
    presence = new PresenceBook.View();
    ActorRef<PresenceBook.Command> book =
        system.systemActorOf(PresenceBook.create(presence), "presence-book", Props.empty());
    Freelancer.init(system, store, topics, book);

    Address self = Cluster.get(system).selfMember().address();
    List<Address> seeds =
        staticSeeds
            .filter(s -> !s.isBlank())
            .map(
                s ->
                    Arrays.stream(s.split(","))
                        .map(String::strip)
                        .map(AddressFromURIString::parse)
                        .toList())
            .orElseGet(() -> seedNodes.discover(self, Duration.ofSeconds(20)));
    Cluster.get(system).manager().tell(new JoinSeedNodes(seeds));
    LOG.info(() -> "Pekko node " + self + " joining " + seeds);
  }

  @PreDestroy
  public synchronized void stop() {
    if (system == null) {
      return;
    }
    seedNodes.withdraw();
    try {
      CoordinatedShutdown.get(system)
          .runAll(ApplicationStopped.INSTANCE)
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Pekko did not shut down cleanly", e);
      system.terminate();
    } finally {
      system = null;
    }
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean running() {
    return system != null;
  }

  public ActorSystem<Void> system() {
    if (system == null) {
      throw new IllegalStateException("the real-time core is not running on this node");
    }
    return system;
  }

  public ActorRef<TenantTopics.Command> topics() {
    system();
    return topics;
  }

  /** Who is online, as this node's replica of the presence book says; asks no actor. */
  public PresenceBook.View presence() {
    system();
    return presence;
  }

  /**
   * An actor on this node that hands every event it gets to {@code callback}, without waiting for
   * it: for callers that must not hold a thread (or a lock) while the actor system answers.
   */
  public CompletionStage<ActorRef<LiveEvent>> openSinkLater(
      String name, Consumer<LiveEvent> callback) {
    return Replies.onReplyingThread(
        AskPattern.ask(
            sinks,
            replyTo -> new LiveSinks.Open(name, callback, replyTo),
            Duration.ofSeconds(5),
            system().scheduler()));
  }

  /** An actor on this node that hands every event it gets to {@code callback}. */
  public ActorRef<LiveEvent> openSink(String name, Consumer<LiveEvent> callback) {
    try {
      return AskPattern.<LiveSinks.Command, ActorRef<LiveEvent>>ask(
              sinks,
              replyTo -> new LiveSinks.Open(name, callback, replyTo),
              Duration.ofSeconds(5),
              system().scheduler())
          .toCompletableFuture()
          .get(6, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening a live sink", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not open a live sink", e);
    }
  }

  public void closeSink(ActorRef<LiveEvent> sink) {
    if (system != null) {
      sinks.tell(new LiveSinks.Close(sink));
    }
  }
}
