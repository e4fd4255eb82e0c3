package io.proxima.platform.audit;

import io.proxima.platform.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.hibernate.Session;

/**
 * The audit log's chains in the database: verifying one, listing them, and purging the expired
 * start of one. Each method is its own transaction, so a purge of many chains commits chain by
 * chain and never holds one chain's purge lock while working on the next.
 */
@ApplicationScoped
public class AuditChains {

  @PersistenceContext(unitName = "proxima")
  private EntityManager entityManager;

  /** Recomputes one chain as the caller may see it (row-level security applies). */
  @Transactional
  public AuditChainVerifier.Result verify(String chainKey) {
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(connection -> AuditChainVerifier.verify(connection, chainKey));
  }

  /** Every chain the caller may see, with its retention in days when its tenant set one. */
  @Transactional
  public List<Chain> chains() {
    return NativeSql.list(
        entityManager,
        "SELECT h.chain_key, r.keep_days FROM audit_chain_head h"
            + " LEFT JOIN audit_retention r ON r.tenant_id::text = h.chain_key"
            + " ORDER BY h.chain_key",
        row -> new Chain(row.string("chain_key"), row.integer("keep_days")));
  }

  public record Chain(String key, Integer keepDays) {}

  /**
   * Removes the chain's entries older than {@code keepDays} through audit_purge(), which writes the
   * checkpoint verification starts from and records the purge in the chain; the number removed.
   */
  @Transactional
  public long purge(String chainKey, int keepDays) {
    return ((Number)
            entityManager
                .createNativeQuery("SELECT audit_purge(?1, ?2)")
                .setParameter(1, chainKey)
                .setParameter(2, keepDays)
                .getSingleResult())
        .longValue();
  }
}
