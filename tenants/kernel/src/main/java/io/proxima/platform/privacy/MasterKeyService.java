package io.proxima.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses where the master keys live ({@code proxima.privacy.key-service}): {@code file}, the local
 * key file the run command makes (the default), or {@code vault}, a Vault or OpenBao transit key
 * ({@code proxima.privacy.vault.url}, {@code .mount}, {@code .key}, {@code .token}) for production,
 * where no key may sit on the application's disk.
 */
@ApplicationScoped
public class MasterKeyService {

  private final String service;
  private final Optional<String> vaultUrl;
  private final String vaultMount;
  private final String vaultKey;
  private final Optional<String> vaultToken;
  private final MasterKeyFile file;

  /** For the CDI client proxy only. */
  protected MasterKeyService() {
    this(null, Optional.empty(), null, null, Optional.empty(), null);
  }

  @Inject
  public MasterKeyService(
      @ConfigProperty(name = "proxima.privacy.key-service", defaultValue = "file") String service,
      @ConfigProperty(name = "proxima.privacy.vault.url") Optional<String> vaultUrl,
      @ConfigProperty(name = "proxima.privacy.vault.mount", defaultValue = "transit")
          String vaultMount,
      @ConfigProperty(name = "proxima.privacy.vault.key", defaultValue = "proxima-master")
          String vaultKey,
      @ConfigProperty(name = "proxima.privacy.vault.token") Optional<String> vaultToken,
      MasterKeyFile file) {
    this.service = service;
    this.vaultUrl = vaultUrl;
    this.vaultMount = vaultMount;
    this.vaultKey = vaultKey;
    this.vaultToken = vaultToken;
    this.file = file;
  }

  @Produces
  @ApplicationScoped
  MasterKeys masterKeys() {
    return switch (service.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "file" -> file;
      case "vault" ->
          new VaultTransitMasterKeys(
              URI.create(
                  vaultUrl.orElseThrow(
                      () -> new IllegalStateException("proxima.privacy.vault.url is not set"))),
              vaultMount,
              vaultKey,
              vaultToken.orElseThrow(
                  () -> new IllegalStateException("proxima.privacy.vault.token is not set")),
              Duration.ofMillis(200));
      default ->
          throw new IllegalStateException(
              "proxima.privacy.key-service must be file or vault, not " + service);
    };
  }
}
