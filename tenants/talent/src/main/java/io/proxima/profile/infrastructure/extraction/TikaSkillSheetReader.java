package io.proxima.profile.infrastructure.extraction;

import io.proxima.platform.error.DomainException;
import io.proxima.profile.domain.SkillSheetReader;
import io.proxima.profile.domain.SkillSheetText;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the text out of an uploaded skill sheet: PDF, Word (.docx, .doc), Excel (.xlsx), Markdown
 * and plain text, with Apache Tika ({@link SkillSheetExtractor}).
 *
 * <p>Hostile files are bounded on every axis: bytes in (here), pages, bytes inflated from an Office
 * package and characters out (in the extractor), and wall-clock time and memory: every parse runs
 * in a {@link SkillSheetWorkerPool worker process} that is killed when it overruns the time limit
 * or its heap.
 */
@ApplicationScoped
public class TikaSkillSheetReader implements SkillSheetReader {

  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_PAGES = 30;
  public static final int DEFAULT_MAX_CHARS = 200_000;
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
  public static final int DEFAULT_WORKERS = 2;
  public static final int DEFAULT_PER_USER = 1;
  public static final int DEFAULT_WORKER_HEAP_MB = 256;

  private final SkillSheetWorkerPool.Settings settings;
  private SkillSheetWorkerPool pool;

  public TikaSkillSheetReader() {
    this(DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT);
  }

  public TikaSkillSheetReader(long maxBytes, int maxPages, int maxChars, Duration timeLimit) {
    this(
        maxBytes,
        maxPages,
        maxChars,
        timeLimit,
        DEFAULT_WORKERS,
        DEFAULT_PER_USER,
        DEFAULT_WORKER_HEAP_MB);
  }

  public TikaSkillSheetReader(
      long maxBytes,
      int maxPages,
      int maxChars,
      Duration timeLimit,
      int workers,
      int perUser,
      int workerHeapMb) {
    this.settings =
        new SkillSheetWorkerPool.Settings(
            maxBytes,
            maxPages,
            maxChars,
            timeLimit,
            Math.max(1, workers),
            Math.max(1, perUser),
            Math.max(64, workerHeapMb));
  }

  @Inject
  public TikaSkillSheetReader(
      @ConfigProperty(name = "proxima.skill-sheets.workers", defaultValue = "2") int workers,
      @ConfigProperty(name = "proxima.skill-sheets.per-user", defaultValue = "1") int perUser,
      @ConfigProperty(name = "proxima.skill-sheets.worker-heap-mb", defaultValue = "256")
          int workerHeapMb,
      @ConfigProperty(name = "proxima.skill-sheets.time-limit-seconds", defaultValue = "10")
          int timeLimitSeconds) {
    this(
        DEFAULT_MAX_BYTES,
        DEFAULT_MAX_PAGES,
        DEFAULT_MAX_CHARS,
        Duration.ofSeconds(timeLimitSeconds),
        workers,
        perUser,
        workerHeapMb);
  }

  @Override
  public SkillSheetText read(byte[] bytes, String filename, String declaredType) {
    return read(bytes, filename, declaredType, null);
  }

  /**
   * @param filename the name the browser sent; only tells Markdown from plain text
   * @param declaredType the content type the browser sent; only a hint for text files
   * @param submitter who uploads (their sheets share {@code per-user} workers); null for none
   */
  @Override
  public SkillSheetText read(byte[] bytes, String filename, String declaredType, String submitter) {
    if (bytes == null || bytes.length == 0) {
      throw new DomainException.InvalidValue("The uploaded file is empty.");
    }
    if (bytes.length > settings.maxBytes()) {
      throw new DomainException.TooLarge(
          "The file is larger than " + settings.maxBytes() / (1024 * 1024) + " MiB.");
    }
    return pool().read(bytes, filename, declaredType, submitter);
  }

  // Started on first use, not at deployment: a node that never reads a sheet starts no JVMs.
  synchronized SkillSheetWorkerPool pool() {
    if (pool == null) {
      pool = new SkillSheetWorkerPool(settings);
      pool.prestart();
    }
    return pool;
  }

  @PreDestroy
  public synchronized void close() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}
