package io.proxima.identity.infrastructure;

import io.proxima.platform.persistence.ConfiguredDataSource;
import io.proxima.platform.persistence.DatabaseMigrations;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the identity provider's signing keys for Payara's JWT check, so that people who are signed
 * in keep working through a Keycloak outage until their tokens expire.
 *
 * <p>Payara 6.2025.10 fetches the JWKS itself and, when a refresh fails, refuses every token: a
 * token survived between 0 and 5 minutes of outage. Here the keeper fetches the JWKS every {@code
 * proxima.oidc.signing-keys.refresh-seconds}, keeps the last good set when a fetch fails, stores it
 * in the platform database (a node started during an outage takes it from there) and hands it to
 * Payara as a local file ({@link SigningKeyFile}, {@link SigningKeyConfigSource}). Keys Keycloak
 * rotates in arrive with the next successful fetch.
 *
 * <p>An outage is logged once when it starts (WARNING) and once when it ends (INFO): a line per
 * failed try would bury everything else in the log.
 */
@ApplicationScoped
public class SigningKeyKeeper {

  private static final Logger LOG = Logger.getLogger(SigningKeyKeeper.class.getName());
  static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  /** What the keeper holds now; read by the readiness check, which CDI may not inject into. */
  public record Status(
      int keys,
      List<String> keyIds,
      Instant fetchedAt,
      boolean fromStore,
      Instant unreachableSince,
      String reason) {
    static final Status NONE = new Status(0, List.of(), null, false, null, null);

    public boolean reachable() {
      return unreachableSince == null;
    }
  }

  private static volatile Status status = Status.NONE;

  private final String issuer;
  private final URI jwksUri;
  private final Duration every;
  private final StoredSigningKeys store;
  private final java.util.function.BooleanSupplier migrated;
  private final HttpClient http;
  private final Clock clock;

  /** Which WAR's keeper speaks: both WARs of a node keep keys, each for its own token check. */
  private String application = "";

  private JsonObject current;
  private JsonObject persisted;
  private boolean storeFailing;
  private ScheduledFuture<?> schedule;

  protected SigningKeyKeeper() {
    this.issuer = null;
    this.jwksUri = null;
    this.every = null;
    this.store = null;
    this.migrated = null;
    this.http = null;
    this.clock = null;
  }

  /**
   * The keys are fetched where this node reaches Keycloak ({@code proxima.keycloak.url}), which is
   * not always where browsers do (the issuer): in a container network the issuer names the address
   * published to people, which from inside a node's container is nobody.
   */
  @Inject
  public SigningKeyKeeper(
      @ConfigProperty(name = "proxima.oidc.issuer") String issuer,
      @ConfigProperty(name = "proxima.keycloak.url") String keycloakUrl,
      @ConfigProperty(name = "proxima.keycloak.realm") String realm,
      @ConfigProperty(name = "proxima.oidc.signing-keys.refresh-seconds", defaultValue = "60")
          long refreshSeconds,
      DatabaseMigrations migrations) {
    this(
        issuer,
        URI.create(realmUrl(keycloakUrl, realm) + "/protocol/openid-connect/certs"),
        Duration.ofSeconds(Math.max(1, refreshSeconds)),
        // The application role's own connections, unpooled: see StoredSigningKeys.
        new StoredSigningKeys(issuer, new ConfiguredDataSource()),
        migrations::isMigrated);
  }

  /** Where this node reaches the realm's endpoints. */
  static String realmUrl(String keycloakUrl, String realm) {
    return keycloakUrl.replaceAll("/+$", "") + "/realms/" + realm;
  }

  /** The keys of {@code issuer}, fetched from {@code jwksUri}. */
  SigningKeyKeeper(
      String issuer,
      URI jwksUri,
      Duration every,
      StoredSigningKeys store,
      java.util.function.BooleanSupplier migrated) {
    this.issuer = issuer;
    this.jwksUri = jwksUri;
    this.every = every;
    this.store = store;
    this.migrated = migrated;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    this.clock = Clock.systemUTC();
  }

  public static Status status() {
    return status;
  }

  /**
   * The first refresh runs before the application takes requests, so that the file Payara reads
   * exists by the first token; later ones run on the container's scheduler.
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    try {
      application = " (" + InitialContext.doLookup("java:app/AppName") + ")";
    } catch (NamingException e) {
      application = "";
    }
    refresh();
    ManagedScheduledExecutorService scheduler;
    try {
      // Looked up, not @Resource-injected: Payara binds no java:comp/env entry for a @Resource
      // field of a bean in a library JAR, and deployment fails on it.
      scheduler = InitialContext.doLookup(SCHEDULER);
    } catch (NamingException e) {
      LOG.log(Level.SEVERE, "No scheduler at " + SCHEDULER + "; signing keys are not refreshed", e);
      return;
    }
    // A node without any keys yet (first start beside a Keycloak still starting) asks again every
    // couple of seconds, so the first sign-in after Keycloak is up does not wait a whole interval.
    long tick = Math.max(1, Math.min(every.toSeconds(), KEYLESS_RETRY_SECONDS));
    schedule = scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.SECONDS);
  }

  static final long KEYLESS_RETRY_SECONDS = 2;

  private Instant lastRefresh;

  synchronized void tick() {
    Instant now = clock.instant();
    if (current == null || lastRefresh == null || !now.isBefore(lastRefresh.plus(every))) {
      refresh();
    }
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  synchronized void refresh() {
    lastRefresh = clock.instant();
    try {
      Optional<JsonObject> fetched = fetch();
      if (fetched.isPresent()) {
        keep(fetched.get(), clock.instant(), false);
        persist();
      } else if (current == null) {
        loadStored();
      }
      if (current != null && !SigningKeyFile.exists()) {
        // Something (a temp cleaner) removed the file; Payara needs it on its next read.
        SigningKeyFile.write(current.toString());
      }
    } catch (RuntimeException e) {
      // A failed run must not cancel the schedule; the next one tries again.
      LOG.log(Level.WARNING, "signing key refresh failed", e);
    }
  }

  /** The JWKS, or empty when the identity provider cannot give a usable one now. */
  private Optional<JsonObject> fetch() {
    String reason;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(3)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        Optional<JsonObject> jwks = parse(response.body());
        if (jwks.isPresent()) {
          reachable();
          return jwks;
        }
        reason = "the JWKS carries no keys";
      } else {
        reason = "HTTP " + response.statusCode();
      }
    } catch (IOException e) {
      reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reason = "interrupted";
    }
    unreachable(reason);
    return Optional.empty();
  }

  static Optional<JsonObject> parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonObject jwks = reader.readObject();
      JsonArray keys = jwks.getJsonArray("keys");
      return keys == null || keys.isEmpty() ? Optional.empty() : Optional.of(jwks);
    } catch (RuntimeException notJwks) {
      return Optional.empty();
    }
  }

  private void keep(JsonObject jwks, Instant fetchedAt, boolean fromStore) {
    if (!jwks.equals(current)) {
      SigningKeyFile.write(jwks.toString());
      if (current != null) {
        LOG.info(() -> "Signing keys changed: now " + keyIds(jwks) + application);
      }
      current = jwks;
    }
    Status before = status;
    status =
        new Status(
            jwks.getJsonArray("keys").size(),
            keyIds(jwks),
            fetchedAt,
            fromStore,
            before.unreachableSince(),
            before.reason());
  }

  private void persist() {
    if (current.equals(persisted) || !migrated.getAsBoolean()) {
      return;
    }
    try {
      store.save(current.toString(), status.fetchedAt());
      persisted = current;
      storeFailing = false;
    } catch (SQLException | RuntimeException e) {
      // The file still serves this node; the next refresh stores the keys again. Said once.
      if (!storeFailing) {
        LOG.warning(() -> "Could not store the signing keys: " + e.getMessage() + application);
      }
      storeFailing = true;
    }
  }

  private void loadStored() {
    if (!migrated.getAsBoolean()) {
      return;
    }
    try {
      Optional<StoredSigningKeys.Stored> stored = store.load();
      if (stored.isEmpty()) {
        LOG.warning(
            "No stored signing keys either: tokens are refused until Keycloak answers"
                + application);
        return;
      }
      Optional<JsonObject> jwks = parse(stored.get().jwks());
      if (jwks.isPresent()) {
        persisted = jwks.get();
        keep(jwks.get(), stored.get().fetchedAt(), true);
        LOG.info(
            () ->
                "Using the signing keys stored at "
                    + stored.get().fetchedAt()
                    + " until Keycloak answers: "
                    + status.keyIds());
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warning(() -> "Could not read the stored signing keys: " + e.getMessage() + application);
    }
  }

  private void unreachable(String reason) {
    Status before = status;
    if (before.reachable()) {
      LOG.warning(
          () ->
              "Identity provider unreachable at "
                  + jwksUri
                  + " ("
                  + reason
                  + "); keeping "
                  + (before.keys() == 0
                      ? "no signing keys (none fetched yet)"
                      : before.keys() + " signing keys fetched at " + before.fetchedAt())
                  + ", tried again every "
                  + every.toSeconds()
                  + " s"
                  + application);
    }
    status =
        new Status(
            before.keys(),
            before.keyIds(),
            before.fetchedAt(),
            before.fromStore(),
            before.reachable() ? clock.instant() : before.unreachableSince(),
            reason);
  }

  private void reachable() {
    Status before = status;
    if (!before.reachable()) {
      Duration outage = Duration.between(before.unreachableSince(), clock.instant());
      LOG.info(
          () ->
              "Identity provider reachable again at "
                  + jwksUri
                  + " after "
                  + outage.toSeconds()
                  + " s"
                  + application);
    }
    status =
        new Status(
            before.keys(), before.keyIds(), before.fetchedAt(), before.fromStore(), null, null);
  }

  private static List<String> keyIds(JsonObject jwks) {
    return jwks.getJsonArray("keys").stream()
        .map(JsonValue::asJsonObject)
        .map(key -> key.get("kid"))
        .map(kid -> kid instanceof JsonString text ? text.getString() : "?")
        .toList();
  }
}
