package io.proxima.platform.persistence;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Writes flushed while the caller can still answer: a writer that lost a race — to a newer version
 * of the row, or to another insert of the same unique key — learns it here as {@code false} and
 * says 409, instead of failing at commit after it already answered.
 */
public final class RacedWrites {

  private RacedWrites() {}

  /** Flushes; false when another writer changed the row since it was read. */
  public static boolean flushUnlessStale(EntityManager entityManager) {
    try {
      entityManager.flush();
      return true;
    } catch (OptimisticLockException e) {
      return false;
    }
  }

  /** Flushes; false when another writer inserted the same unique key first. */
  public static boolean flushUnlessTaken(EntityManager entityManager) {
    try {
      entityManager.flush();
      return true;
    } catch (EntityExistsException e) {
      return false;
    } catch (PersistenceException e) {
      if (keyTaken(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Flushes; false when another writer got there first, by version or by unique key. */
  public static boolean flushUnlessRaced(EntityManager entityManager) {
    try {
      return flushUnlessTaken(entityManager);
    } catch (OptimisticLockException e) {
      return false;
    }
  }

  /** Whether a failed write broke a constraint, however JPA wrapped Hibernate's exception. */
  public static boolean keyTaken(PersistenceException failure) {
    return failure instanceof ConstraintViolationException
        || failure.getCause() instanceof ConstraintViolationException;
  }
}
