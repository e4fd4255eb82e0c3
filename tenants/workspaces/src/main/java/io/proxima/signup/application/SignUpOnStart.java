package io.proxima.signup.application;

import io.proxima.signup.domain.SignUpRealm;
import io.proxima.signup.domain.SignUpRealm.ExternalSignIn;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;

/**
 * Brings the realm's sign-up in line with this node's configuration once per start, in the
 * background (a node deploys while Keycloak is still booting): self-registration with e-mail
 * verification and the terms box, and the GitHub, Google and OpenID Connect sign-ins that are
 * configured. A provider without a client id and secret is removed, so its button disappears. A
 * pass that fails is repeated every minute until one succeeds.
 *
 * <p>Configuration (MicroProfile Config): {@code proxima.signup.github.client-id}/{@code
 * .client-secret} (optional {@code .base-url}, {@code .api-url} for GitHub Enterprise), {@code
 * proxima.signup.google.client-id}/{@code .client-secret}, and for any other OpenID Connect
 * provider {@code proxima.signup.oidc.discovery-url}/{@code .client-id}/{@code .client-secret}/
 * {@code .display-name} (alias {@code proxima.signup.oidc.alias}, default {@code oidc}).
 */
@ApplicationScoped
public class SignUpOnStart {

  private static final Logger LOG = Logger.getLogger(SignUpOnStart.class.getName());
  private static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
  private static final long RETRY_SECONDS = 60;

  private final SignUpRealm realm;
  private final Config config;
  private volatile ScheduledFuture<?> job;
  private volatile boolean done;

  /** For the CDI client proxy only. */
  protected SignUpOnStart() {
    this(null, null);
  }

  @Inject
  public SignUpOnStart(SignUpRealm realm, Config config) {
    this.realm = realm;
    this.config = config;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    ManagedScheduledExecutorService scheduler;
    try {
      // Looked up, not @Resource-injected, for the reason AuditRetentionSchedule gives.
      scheduler = InitialContext.doLookup(SCHEDULER);
    } catch (NamingException e) {
      LOG.log(Level.SEVERE, "No scheduler at " + SCHEDULER + "; sign-up not configured", e);
      return;
    }
    job = scheduler.scheduleWithFixedDelay(this::pass, 3, RETRY_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void pass() {
    if (done) {
      return;
    }
    try {
      realm.openSelfRegistration();
      String oidcAlias = setting("proxima.signup.oidc.alias").orElse("oidc");
      realm.offerExternalSignIns(configured(), Set.of("github", "google", oidcAlias));
      done = true;
      job.cancel(false);
      LOG.info("sign-up configured in the realm");
    } catch (RuntimeException e) {
      // Keycloak may still be starting; the next pass tries again.
      LOG.log(Level.WARNING, "sign-up not configured in the realm; retrying in 60 s", e);
    }
  }

  /** The external sign-ins this node's configuration names, each only with id and secret. */
  List<ExternalSignIn> configured() {
    List<ExternalSignIn> signIns = new ArrayList<>();
    credentials("github")
        .ifPresent(
            pair -> {
              Map<String, String> settings = new java.util.HashMap<>();
              setting("proxima.signup.github.base-url").ifPresent(v -> settings.put("baseUrl", v));
              setting("proxima.signup.github.api-url").ifPresent(v -> settings.put("apiUrl", v));
              signIns.add(
                  new ExternalSignIn("github", "GitHub", "github", pair[0], pair[1], settings));
            });
    credentials("google")
        .ifPresent(
            pair ->
                signIns.add(
                    new ExternalSignIn("google", "Google", "google", pair[0], pair[1], Map.of())));
    Optional<String> discovery = setting("proxima.signup.oidc.discovery-url");
    credentials("oidc")
        .filter(pair -> discovery.isPresent())
        .ifPresent(
            pair ->
                signIns.add(
                    new ExternalSignIn(
                        setting("proxima.signup.oidc.alias").orElse("oidc"),
                        setting("proxima.signup.oidc.display-name").orElse("OpenID Connect"),
                        "oidc",
                        pair[0],
                        pair[1],
                        Map.of("discoveryUrl", discovery.get()))));
    return signIns;
  }

  private Optional<String[]> credentials(String provider) {
    Optional<String> id = setting("proxima.signup." + provider + ".client-id");
    Optional<String> secret = setting("proxima.signup." + provider + ".client-secret");
    if (id.isPresent() != secret.isPresent()) {
      LOG.warning(
          () ->
              "proxima.signup."
                  + provider
                  + " needs both client-id and client-secret; its sign-in stays off");
    }
    return id.isPresent() && secret.isPresent()
        ? Optional.of(new String[] {id.get(), secret.get()})
        : Optional.empty();
  }

  private Optional<String> setting(String key) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
  }
}
