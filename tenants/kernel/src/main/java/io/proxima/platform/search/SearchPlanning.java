package io.proxima.platform.search;

import io.proxima.platform.persistence.NativeSql;
import jakarta.persistence.EntityManager;

/**
 * Planner settings for the rest of a search's transaction. A search is always ordered, limited and
 * backed by an index per order, but PostgreSQL misjudges it in two ways the benchmark showed: it
 * multiplies the frequencies of a phrase's bigrams and of independent filters, takes a common
 * search for a rare one, and collects and sorts every match instead of walking the order's index;
 * and once a plan looks expensive it JIT-compiles it, which alone costs 50–150 ms.
 */
public final class SearchPlanning {

  private SearchPlanning() {}

  /** For every search: no sequential scans of a whole table, no JIT. */
  public static void bounded(EntityManager entityManager) {
    NativeSql.query(
            entityManager,
            "SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)")
        .getResultList();
  }

  /**
   * For the page of a search known to match more than a sample: walk the order's index and test
   * each row, rather than collect every match and sort them. Such a page is found within the first
   * few thousand rows of the index.
   */
  public static void walkOrderIndex(EntityManager entityManager) {
    NativeSql.query(entityManager, "SELECT set_config('enable_sort', 'off', true)").getResultList();
  }
}
