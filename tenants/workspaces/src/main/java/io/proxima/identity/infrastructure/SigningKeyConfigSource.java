package io.proxima.identity.infrastructure;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points Payara's JWT check at {@link SigningKeyFile} instead of Keycloak's JWKS endpoint. Payara
 * reads {@code mp.jwt.verify.publickey.location} once, when it creates its identity store, and
 * refuses every token once a later read of that location fails; a local file kept by {@link
 * SigningKeyKeeper} never fails to read while Keycloak is away.
 *
 * <p>Above the application's defaults and the local stack's config file (250), below environment
 * variables (300) and system properties (400): an operator who sets the location explicitly still
 * gets it, and then also Payara's own behaviour during an outage.
 */
public final class SigningKeyConfigSource implements ConfigSource {

  static final String LOCATION = "mp.jwt.verify.publickey.location";
  static final int ORDINAL = 260;

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(LOCATION);
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(LOCATION, SigningKeyFile.location());
  }

  @Override
  public String getValue(String propertyName) {
    return LOCATION.equals(propertyName) ? SigningKeyFile.location() : null;
  }

  @Override
  public String getName() {
    return "proxima.signing-keys";
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }
}
