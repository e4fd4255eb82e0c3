package io.proxima.profile.infrastructure.extraction;

import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.SkillSheetText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small, bounded pool of {@link SkillSheetWorker} child JVMs. PDFBox and POI ignore thread
 * interruption, so a parse on a thread of the server could only be abandoned, never stopped: a few
 * hostile files would hold every thread. A child process can be killed: a parse over the time
 * limit, or one that exhausts the child's heap, ends with its process, and a fresh worker takes its
 * place.
 *
 * <p>Fairness: one submitter (a user) holds at most {@code perSubmitter} workers at once; their
 * further sheets wait for their own earlier ones, so one account uploading many hostile files ties
 * up one worker, not all of them. A sheet that finds no worker within the time limit is refused
 * with 503 (a worker frees up at the latest when the limit kills the parse it runs).
 */
final class SkillSheetWorkerPool implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SkillSheetWorkerPool.class.getName());
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

  record Settings(
      long maxBytes,
      int maxPages,
      int maxChars,
      Duration timeLimit,
      int workers,
      int perSubmitter,
      int heapMb) {}

  private final Settings settings;
  private final List<String> command;
  private final Semaphore slots;
  private final LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>();
  private final Set<Worker> live = ConcurrentHashMap.newKeySet();
  private final Set<Worker> booting = ConcurrentHashMap.newKeySet();
  private final Map<String, Lane> lanes = new HashMap<>();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger killed = new AtomicInteger();
  private final ScheduledExecutorService timer;
  // Starting a JVM takes seconds; never on the timer, whose kills must run on time.
  private final ExecutorService starter;
  private volatile boolean closed;
  private int starting;

  SkillSheetWorkerPool(Settings settings) {
    this.settings = settings;
    this.slots = new Semaphore(settings.workers(), true);
    this.command = command(settings);
    LOG.info(
        () ->
            "skill sheet workers: "
                + settings.workers()
                + " processes of -Xmx"
                + settings.heapMb()
                + "m, "
                + settings.timeLimit().toSeconds()
                + " s per sheet; class path of "
                + (command.size() > 0
                    ? command.get(command.indexOf("-cp") + 1).split(File.pathSeparator).length
                    : 0)
                + " entries");
    this.timer =
        Executors.newScheduledThreadPool(
            1,
            r -> {
              Thread t = new Thread(r, "skill-sheet-worker-timer");
              t.setDaemon(true);
              return t;
            });
    this.starter =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "skill-sheet-worker-starter");
              t.setDaemon(true);
              return t;
            });
  }

  SkillSheetText read(byte[] content, String fileName, String declaredType, String submitter) {
    long deadline = System.nanoTime() + settings.timeLimit().toNanos();
    Lane lane = submitter == null ? null : enter(submitter);
    try {
      if (lane != null && !acquire(lane.permits, deadline)) {
        throw busy();
      }
      try {
        if (!acquire(slots, deadline)) {
          throw busy();
        }
        try {
          return onWorker(content, fileName, declaredType);
        } finally {
          slots.release();
        }
      } finally {
        if (lane != null) {
          lane.permits.release();
        }
      }
    } finally {
      if (lane != null) {
        leave(submitter, lane);
      }
    }
  }

  /** Starts the workers in the background, so the first sheets do not wait for JVMs to boot. */
  void prestart() {
    for (int i = 0; i < settings.workers(); i++) {
      replace();
    }
  }

  /** Workers started since the pool was made, replacements included. */
  int started() {
    return started.get();
  }

  /** Workers killed: over the time limit, out of memory or crashed. */
  int killed() {
    return killed.get();
  }

  /** The process ids of the workers alive and ready now. */
  List<Long> livePids() {
    List<Long> pids = new ArrayList<>();
    for (Worker worker : live) {
      if (worker.ready && worker.process.isAlive()) {
        pids.add(worker.process.pid());
      }
    }
    return pids;
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    starter.shutdownNow();
    for (Worker worker : booting) {
      worker.destroy();
    }
    for (Worker worker : live) {
      worker.destroy();
    }
    live.clear();
    idle.clear();
  }

  private SkillSheetText onWorker(byte[] content, String fileName, String declaredType) {
    Worker worker = idle.pollFirst();
    while (worker != null && !worker.process.isAlive()) {
      retire(worker);
      worker = idle.pollFirst();
    }
    if (worker == null) {
      worker = startOrAwait();
    }
    ScheduledFuture<?> limit =
        timer.schedule(worker::timeOut, settings.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
    boolean answered = false;
    try {
      try {
        SkillSheetText text = worker.exchange(content, fileName, declaredType);
        answered = true;
        return text;
      } catch (DomainException e) {
        answered = true;
        throw e;
      }
    } catch (IOException e) {
      if (worker.timedOut) {
        throw new DomainException.TooLarge(
            "The file could not be read within "
                + settings.timeLimit().toSeconds()
                + " seconds; it looks built to exhaust the reader.");
      }
      LOG.log(Level.INFO, "a skill sheet worker died reading a sheet", e);
      throw new DomainException.UnreadableFile(
          "The file was refused because reading it needed more memory than a skill sheet may; it"
              + " looks built to exhaust the reader.");
    } finally {
      limit.cancel(false);
      if (answered && !worker.timedOut && worker.process.isAlive()) {
        giveBack(worker);
      } else {
        retire(worker);
        replace();
      }
    }
  }

  // With a slot held, no idle worker means either fewer workers than slots (start one here) or a
  // replacement still booting (wait for it rather than boot a second one).
  private Worker startOrAwait() {
    boolean startHere;
    synchronized (this) {
      startHere = live.size() + starting < settings.workers();
      if (startHere) {
        starting++;
      }
    }
    if (startHere) {
      try {
        return start();
      } finally {
        synchronized (this) {
          starting--;
        }
      }
    }
    try {
      Worker worker = idle.pollFirst(STARTUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      if (worker == null) {
        throw busy();
      }
      return worker;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException.Unavailable("Reading the file was interrupted.");
    }
  }

  private void giveBack(Worker worker) {
    if (live.size() > settings.workers()) {
      // a replacement and an on-demand start raced; keep the pool at its size
      worker.destroy();
      live.remove(worker);
    } else {
      idle.addFirst(worker);
    }
  }

  private void retire(Worker worker) {
    worker.destroy();
    if (live.remove(worker)) {
      killed.incrementAndGet();
    }
  }

  // Started in the background so the next sheet does not wait for a JVM to boot.
  private void replace() {
    if (closed) {
      return;
    }
    try {
      starter.execute(
          () -> {
            synchronized (this) {
              if (closed || live.size() + starting >= settings.workers()) {
                return;
              }
              starting++;
            }
            try {
              idle.addLast(start());
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "a replacement skill sheet worker did not start", e);
            } finally {
              synchronized (this) {
                starting--;
              }
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  private Worker start() {
    Process process;
    try {
      // The worker's stderr joins the server's: a worker that cannot start says why there.
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "a skill sheet worker could not be started", e);
      throw new DomainException.Unavailable(
          "Skill sheets cannot be read right now; try again later.");
    }
    Worker worker = new Worker(process);
    booting.add(worker);
    started.incrementAndGet();
    ScheduledFuture<?> limit =
        timer.schedule(worker::timeOut, STARTUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      if (WorkerProtocol.readTag(worker.in) != WorkerProtocol.READY) {
        throw new IOException("the worker did not say it was ready");
      }
      limit.cancel(false);
      if (closed || worker.timedOut) {
        throw new IOException("the pool was closed or the worker too slow to start");
      }
      worker.ready = true;
      live.add(worker);
      return worker;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "a skill sheet worker did not start", e);
      worker.destroy();
      throw new DomainException.Unavailable(
          "Skill sheets cannot be read right now; try again later.");
    } finally {
      limit.cancel(false);
      booting.remove(worker);
    }
  }

  private synchronized Lane enter(String submitter) {
    Lane lane = lanes.computeIfAbsent(submitter, s -> new Lane(settings.perSubmitter()));
    lane.users++;
    return lane;
  }

  // Lanes live only while their submitter has a sheet in flight, so the map stays small.
  private synchronized void leave(String submitter, Lane lane) {
    if (--lane.users == 0) {
      lanes.remove(submitter, lane);
    }
  }

  private static boolean acquire(Semaphore semaphore, long deadline) {
    try {
      return semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException.Unavailable("Reading the file was interrupted.");
    }
  }

  private static DomainException busy() {
    return new DomainException.Unavailable(
        "Too many skill sheets are being read right now; try again in a moment.");
  }

  private static List<String> command(Settings settings) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + settings.heapMb() + "m");
    command.add("-Xss2m");
    // One parse at a time per worker: a serial collector and one CPU's worth of JIT and GC
    // threads keep a worker small on a busy node.
    command.add("-XX:+UseSerialGC");
    command.add("-XX:ActiveProcessorCount=1");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, WorkerClassPath.of(SkillSheetWorker.class)));
    command.add(SkillSheetWorker.class.getName());
    command.add(Integer.toString(settings.maxPages()));
    command.add(Integer.toString(settings.maxChars()));
    command.add(Long.toString(settings.maxBytes()));
    command.add(Long.toString(settings.timeLimit().toMillis()));
    return List.copyOf(command);
  }

  private static final class Lane {
    final Semaphore permits;
    int users;

    Lane(int permits) {
      this.permits = new Semaphore(permits, true);
    }
  }

  private static final class Worker {
    final Process process;
    final DataOutputStream out;
    final DataInputStream in;
    volatile boolean timedOut;
    volatile boolean ready;

    Worker(Process process) {
      this.process = process;
      this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
      this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    SkillSheetText exchange(byte[] content, String fileName, String declaredType)
        throws IOException {
      WorkerProtocol.writeString(out, fileName);
      WorkerProtocol.writeString(out, declaredType);
      WorkerProtocol.writeBytes(out, content);
      out.flush();
      int tag = WorkerProtocol.readTag(in);
      switch (tag) {
        case WorkerProtocol.OK:
          String text = WorkerProtocol.readString(in);
          String type = WorkerProtocol.readString(in);
          return new SkillSheetText(text, type, in.readInt());
        case WorkerProtocol.PROBLEM:
          throw problem(WorkerProtocol.readString(in), WorkerProtocol.readString(in));
        case WorkerProtocol.FAILED:
          LOG.info("a skill sheet worker failed: " + WorkerProtocol.readString(in));
          throw new DomainException.UnreadableFile(
              "The file could not be read: it is damaged or truncated.");
        default:
          throw new IOException("unexpected answer " + tag);
      }
    }

    void timeOut() {
      timedOut = true;
      process.destroyForcibly();
    }

    // Waiting for the exit reaps the process: no zombie stays behind.
    void destroy() {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static DomainException problem(String kind, String message) {
    return switch (kind) {
      case "InvalidValue" -> new DomainException.InvalidValue(message);
      case "TooLarge" -> new DomainException.TooLarge(message);
      case "UnsupportedFile" -> new DomainException.UnsupportedFile(message);
      case "Unavailable" -> new DomainException.Unavailable(message);
      default -> new DomainException.UnreadableFile(message);
    };
  }
}
