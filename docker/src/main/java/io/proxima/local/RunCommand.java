package io.proxima.local;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code ./mvnw -Prun package} runs inside Maven once the build is done: it starts {@link
 * LocalPlatform} in a JVM of its own with a small heap and waits for it. The launcher used to run
 * inside Maven's JVM, which then kept the build's memory (1.4 GB resident) beside the platform.
 *
 * <p>The launcher runs in a session of its own ({@code setsid}), so Ctrl-C at the terminal reaches
 * Maven only, not every part at once: Maven's shutdown hook asks the launcher to stop (SIGTERM) and
 * waits while it stops Payara, Keycloak and PostgreSQL in that order. The launcher also stops
 * itself if Maven disappears without a word ({@code kill -9}).
 *
 * <p>Arguments: a file with the launcher's class path (what Maven resolved), then {@link
 * LocalPlatform}'s own.
 */
public final class RunCommand {

  /** Enough for the launcher: it only starts processes, waits for them and seeds a demo tenant. */
  static final List<String> LAUNCHER_JVM =
      List.of(
          "-Xmx64m",
          "-Xss512k",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=32m",
          "-XX:MaxMetaspaceSize=96m");

  private RunCommand() {}

  /**
   * Maven only waits from here on, but keeps the heap the build grew (the JVM returns memory only
   * after a collection, and then keeps up to 70 % of it free): let it keep little free, and
   * collect. Both ratios are manageable flags, so this changes nothing for any other Maven command.
   */
  private static void releaseBuildMemory() {
    try {
      var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      vm.setVMOption("MinHeapFreeRatio", "0");
      vm.setVMOption("MaxHeapFreeRatio", "10");
    } catch (RuntimeException notHotSpot) {
      // another JVM: the collection below still helps
    }
    System.gc();
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: RunCommand <class-path file> <LocalPlatform arguments…>");
      System.exit(2);
    }
    List<String> command = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      command.add(setsid.toString());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LAUNCHER_JVM);
    String home = System.getProperty("PROXIMA_HOME");
    if (home != null) {
      command.add("-DPROXIMA_HOME=" + home);
    }
    // ./mvnw -Prun package -Dproxima.nodes=3 puts it into Maven's JVM, where this runs.
    String nodes = System.getProperty("proxima.nodes");
    if (nodes != null) {
      command.add("-Dproxima.nodes=" + nodes);
    }
    command.add("-cp");
    command.add(Files.readString(Path.of(args[0])).strip());
    command.add(LocalPlatform.class.getName());
    command.addAll(Arrays.asList(args).subList(1, args.length));

    Process launcher = new ProcessBuilder(command).inheritIO().start();
    AtomicBoolean stopAsked = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopAsked.set(true);
                  if (launcher.isAlive()) {
                    launcher.destroy();
                    try {
                      if (!launcher.waitFor(3, TimeUnit.MINUTES)) {
                        launcher.destroyForcibly();
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                },
                "stop-launcher"));
    releaseBuildMemory();
    int exit = launcher.waitFor();
    // After Ctrl-C or SIGTERM the launcher's exit code is the signal's: an ordinary end.
    if (exit != 0 && !stopAsked.get()) {
      // Not System.exit: that would end Maven before its own hooks, this one included, have run.
      throw new IllegalStateException("the platform stopped (exit code " + exit + ")");
    }
  }
}
