package io.proxima.platform.privacy;

import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/**
 * Rotating the master key while the platform serves: a new key becomes current at once (every node
 * reads it on its next wrap), every data key is rewrapped with it in small transactions, and the
 * old key keeps unwrapping until a platform admin retires it, which is refused while any data key
 * still depends on it. Data keys themselves do not change, so nothing sealed is rewritten.
 */
@ApplicationScoped
public class MasterKeyRotation {

  private static final int BATCH = 500;

  private final MasterKeys masterKeys;
  private final PersonalDataVault vault;
  private final MasterKeyAudit audit;

  /** For the CDI client proxy only. */
  protected MasterKeyRotation() {
    this(null, null, null);
  }

  @Inject
  public MasterKeyRotation(MasterKeys masterKeys, PersonalDataVault vault, MasterKeyAudit audit) {
    this.masterKeys = masterKeys;
    this.vault = vault;
    this.audit = audit;
  }

  /** The master keys and how many data keys each wraps. */
  public record State(String current, Set<String> keys, Map<String, Long> dataKeys) {}

  public record Rotated(String previous, String current, long rewrapped, State state) {}

  public State state() {
    return new State(masterKeys.currentId(), masterKeys.ids(), vault.wrappedPerMasterKey());
  }

  public Rotated rotate() {
    String previous = masterKeys.currentId();
    String current = masterKeys.rotate();
    audit.record("privacy.master-key.rotated", current, "previous " + previous);
    long rewrapped = 0;
    for (int batch; (batch = vault.rewrap(BATCH)) > 0; ) {
      rewrapped += batch;
    }
    return new Rotated(previous, current, rewrapped, state());
  }

  /**
   * Forgets a master key no data key depends on any more.
   *
   * @throws DomainException.NotFound when there is no such key
   * @throws DomainException.Conflict when it is the current key or data keys still depend on it
   */
  public State retire(String id) {
    if (!masterKeys.ids().contains(id)) {
      throw new DomainException.NotFound("there is no master key " + id);
    }
    if (id.equals(masterKeys.currentId())) {
      throw new DomainException.Conflict("the current master key cannot be retired; rotate first");
    }
    long dependent = vault.wrappedPerMasterKey().getOrDefault(id, 0L);
    if (dependent > 0) {
      throw new DomainException.Conflict(
          dependent + " data keys still depend on " + id + "; rotate again to rewrap them");
    }
    masterKeys.retire(id);
    audit.record("privacy.master-key.retired", id, null);
    return state();
  }
}
