package io.proxima.platform.privacy;

import io.proxima.platform.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records master-key changes in the audit log, each in a transaction of its own: a rotation's
 * rewrap runs in many small transactions, none of which is the rotation's.
 */
@ApplicationScoped
public class MasterKeyAudit {

  private final AuditLog audit;

  /** For the CDI client proxy only. */
  protected MasterKeyAudit() {
    this(null);
  }

  @Inject
  public MasterKeyAudit(AuditLog audit) {
    this.audit = audit;
  }

  @Transactional
  public void record(String action, String keyId, String details) {
    audit.record(action, null, keyId, details);
  }
}
