package io.proxima.tenancy.infrastructure.keycloak;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.client.jaxrs.ResteasyClient;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.spi.StreamMessageBodyReader;

/**
 * Owns the one Keycloak admin client of this node. It is built on first use, not at deployment, so
 * a node starts (and reports its own readiness) while Keycloak is still booting.
 */
@ApplicationScoped
public class KeycloakAdminClientProvider {

  private static final Logger LOG = Logger.getLogger(KeycloakAdminClientProvider.class.getName());

  /** Provisioning is rare and sequential; a few connections cover concurrent console requests. */
  private static final int CONNECTION_POOL_SIZE = 8;

  private final KeycloakAdminSettings settings;
  private final Object lock = new Object();
  private Keycloak keycloak;

  protected KeycloakAdminClientProvider() {
    this.settings = null;
  }

  @Inject
  public KeycloakAdminClientProvider(
      @ConfigProperty(name = "proxima.keycloak.url") String serverUrl,
      @ConfigProperty(name = "proxima.keycloak.realm") String realm,
      @ConfigProperty(name = "proxima.keycloak.provisioner.client-id") String clientId,
      @ConfigProperty(name = "proxima.keycloak.provisioner.secret") String clientSecret) {
    this(new KeycloakAdminSettings(serverUrl, realm, clientId, clientSecret));
  }

  KeycloakAdminClientProvider(KeycloakAdminSettings settings) {
    this.settings = settings;
  }

  /** The managed realm's admin resource. */
  public RealmResource realm() {
    return keycloak().realm(settings.realm());
  }

  public String realmName() {
    return settings.realm();
  }

  private Keycloak keycloak() {
    synchronized (lock) {
      if (keycloak == null || keycloak.isClosed()) {
        keycloak = build();
        LOG.info(() -> "Keycloak admin client ready for " + settings);
      }
      return keycloak;
    }
  }

  private Keycloak build() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // RESTEasy finds its built-in providers through the context class loader. Inside Payara the
    // building thread may belong to the server; RESTEasy lives in the application's class loader.
    thread.setContextClassLoader(KeycloakAdminClientProvider.class.getClassLoader());
    try {
      // Constructed directly: ClientBuilder.newBuilder() answers with whatever the JAX-RS lookup
      // finds first, inside Payara possibly the server's Jersey, whose clients cannot run the admin
      // client's RESTEasy proxies.
      ResteasyClient http =
          new ResteasyClientBuilderImpl()
              .connectionPoolSize(CONNECTION_POOL_SIZE)
              .connectTimeout(5, TimeUnit.SECONDS)
              .readTimeout(30, TimeUnit.SECONDS)
              .register(StreamMessageBodyReader.class)
              // Keycloak's own mapper settings: it ignores fields a newer server adds.
              .register(JacksonProvider.class, 100)
              .build();
      return KeycloakBuilder.builder()
          .serverUrl(settings.serverUrl())
          .realm(settings.realm())
          .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
          .clientId(settings.clientId())
          .clientSecret(settings.clientSecret())
          .resteasyClient(http)
          .build();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @PreDestroy
  void close() {
    synchronized (lock) {
      if (keycloak != null) {
        keycloak.close();
        keycloak = null;
      }
    }
  }
}
