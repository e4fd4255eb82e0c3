package io.proxima.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One platform node: a Payara Micro process running the platform's one WAR at {@code /} (the
 * portal, and the tenant console at {@code /admin/}). Payara Micro cannot deploy the EAR, so the
 * node runs the WAR that the EAR is assembled from. One WAR, so one persistence unit, one
 * connection pool, one Flyway run and one JAX-RS runtime per node.
 */
public final class PayaraMicroNode implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PayaraMicroNode.class.getName());

  /**
   * @param name instance name, also used for its root directory
   * @param configFile the MicroProfile Config file the node reads ({@code proxima.config.file})
   * @param payaraOptions more Payara Micro options (clustering, extra deployments); without {@code
   *     --clustermode} the node runs alone
   */
  public record Settings(
      String name,
      int httpPort,
      Path webWar,
      Path configFile,
      Path rootDirectory,
      Path logFile,
      List<String> jvmOptions,
      List<String> payaraOptions) {

    public Settings {
      jvmOptions = List.copyOf(jvmOptions);
      payaraOptions = List.copyOf(payaraOptions);
    }
  }

  /**
   * Payara Micro options for one member of a loopback cluster: Hazelcast on {@code hazelcastPort}
   * finding the others by TCP/IP in {@code hazelcastPorts}, in a cluster of its own name so
   * parallel runs do not meet.
   */
  public static List<String> loopbackCluster(
      String clusterName, int hazelcastPort, List<Integer> hazelcastPorts) {
    String members =
        hazelcastPorts.stream()
            .map(port -> "127.0.0.1:" + port)
            .collect(java.util.stream.Collectors.joining(","));
    return List.of(
        "--clustermode",
        "tcpip:" + members,
        "--clustername",
        clusterName,
        "--startport",
        Integer.toString(hazelcastPort),
        "--interfaces",
        "127.0.0.1",
        "--nohostaware");
  }

  /**
   * Names JSON-P's provider up front. Without it every {@code Json.createReader} looks the provider
   * up with a ServiceLoader scan of the application's jars; Payara's JWT check does that three
   * times per request (parsing the signing keys and the token), which was a quarter of a search
   * request's CPU in the search benchmark's profile. JSON-P reads the property once, when Payara
   * first uses it at boot, so it has to be a JVM option rather than something the application sets.
   */
  static final String JSON_PROVIDER =
      "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

  private final Settings settings;
  private Process process;

  public PayaraMicroNode(Settings settings) {
    this.settings = settings;
  }

  public String baseUrl() {
    return "http://localhost:" + settings.httpPort();
  }

  public PayaraMicroNode start(Duration timeout) {
    // A root directory kept from an earlier run lists the WARs in its domain.xml: Micro would
    // deploy them from there, report ready, then undeploy and deploy them again from --deploy,
    // answering 404 in between. Nothing of value lives there (data is in PostgreSQL).
    deleteRecursively(settings.rootDirectory());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(JSON_PROVIDER);
    command.addAll(settings.jvmOptions());
    command.add("-Dproxima.config.file=" + settings.configFile().toAbsolutePath());
    command.add("-jar");
    command.add(payaraMicroJar().toString());
    command.add("--deploy");
    command.add(settings.webWar().toAbsolutePath() + ":/");
    command.add("--port");
    command.add(Integer.toString(settings.httpPort()));
    command.add("--name");
    command.add(settings.name());
    command.add("--rootdir");
    command.add(settings.rootDirectory().toAbsolutePath().toString());
    command.add("--prebootcommandfile");
    command.add(hardeningCommands().toString());
    if (!settings.payaraOptions().contains("--clustermode")) {
      command.add("--nocluster");
    }
    command.addAll(settings.payaraOptions());
    try {
      Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
      LOG.info(() -> "Starting Payara Micro node " + settings.name() + " on " + baseUrl());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(settings.logFile().toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Payara Micro did not start", e);
    }
    awaitReady(timeout);
    return this;
  }

  /** The pre-boot commands of {@code hardening.asadmin}, as a file beside the root directory. */
  private Path hardeningCommands() {
    Path file =
        settings
            .rootDirectory()
            .toAbsolutePath()
            .resolveSibling(settings.rootDirectory().getFileName() + "-preboot.asadmin");
    try (var in = PayaraMicroNode.class.getResourceAsStream("hardening.asadmin")) {
      Files.createDirectories(file.getParent());
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  private void awaitReady(Duration timeout) {
    // HTTP/1.1: Payara's h2c upgrade path broke under a loaded start (Grizzly HTTP/2 "broken
    // pipe"), and the readiness probe never saw its 200 although the node was ready.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    URI ready = URI.create(baseUrl() + "/health/ready");
    // Ready once the API is (readiness) and the console's front end is served from the WAR too.
    URI console = URI.create(baseUrl() + "/admin/");
    Instant deadline = Instant.now().plus(timeout);
    String lastAnswer = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with " + process.exitValue() + "; see " + settings.logFile());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        lastAnswer = response.statusCode() + " " + abbreviated(response.body());
        if (response.statusCode() == 200
            && http.send(
                        HttpRequest.newBuilder(console).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200) {
          return;
        }
      } catch (IOException notYet) {
        lastAnswer = notYet.toString(); // still deploying
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Payara Micro", e);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    appendThreadDump();
    close();
    // The next start in the same place writes the same log: keep this one for whoever reads why.
    Path kept = keptLog();
    throw new IllegalStateException(
        "Payara Micro was not ready within "
            + timeout
            + "; its readiness last answered "
            + lastAnswer
            + "; see "
            + kept);
  }

  private Path keptLog() {
    Path log = settings.logFile().toAbsolutePath();
    Path kept =
        log.resolveSibling(
            log.getFileName() + ".not-ready-" + Instant.now().getEpochSecond() + ".log");
    try {
      Files.copy(log, kept);
      return kept;
    } catch (IOException e) {
      return log;
    }
  }

  /** Best effort: where a node that never got ready was stuck is the first thing to know. */
  private void appendThreadDump() {
    try {
      new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
              Long.toString(process.pid()),
              "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
          .start()
          .waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (IOException e) {
      // no jcmd beside this JVM: the log alone will have to do
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String abbreviated(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
    return oneLine.length() > 600 ? oneLine.substring(0, 600) + "…" : oneLine;
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not clear " + directory, e);
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public Process process() {
    return process;
  }

  public Settings settings() {
    return settings;
  }

  /** Kills the node as a crash would ({@code kill -9}): no shutdown hooks, no goodbyes. */
  public void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  public static Path payaraMicroJar() {
    Properties runtime = new Properties();
    try (InputStream in = PayaraMicroNode.class.getResourceAsStream("runtime.properties")) {
      runtime.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path jar = Path.of(runtime.getProperty("payara.micro.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException("Payara Micro missing at " + jar + "; build docker/ first");
    }
    return jar;
  }
}
