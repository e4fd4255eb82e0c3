package io.proxima.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.local.LocalStack;
import io.proxima.local.LocalStackExtension;
import io.proxima.platform.persistence.DatabaseMigrations;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The keeper against the real Keycloak and PostgreSQL: what one node fetched and stored, a node
 * that cannot reach Keycloak (its JWKS address a port nobody listens on) takes from the database
 * and hands to Payara's file.
 */
@ExtendWith(LocalStackExtension.class)
class SigningKeyKeeperIT {

  private static LocalStack stack;
  private static StoredSigningKeys store;

  @BeforeAll
  static void migratedSchema() {
    stack = LocalStackExtension.stack();
    Properties config = stack.platformConfiguration();
    new DatabaseMigrations(
            config.getProperty("proxima.db.url"),
            config.getProperty("proxima.db.migration.user"),
            config.getProperty("proxima.db.migration.password"),
            config.getProperty("proxima.db.user"))
        .migrate();
    PGSimpleDataSource app = new PGSimpleDataSource();
    app.setURL(config.getProperty("proxima.db.url"));
    app.setUser(config.getProperty("proxima.db.user"));
    app.setPassword(config.getProperty("proxima.db.password"));
    store = new StoredSigningKeys(stack.keycloak().issuer(), app);
  }

  @Test
  void aNodeThatCannotReachKeycloakVerifiesWithTheKeysAnotherNodeStored() throws Exception {
    String issuer = stack.keycloak().issuer();
    SigningKeyKeeper reaching =
        new SigningKeyKeeper(
            issuer,
            URI.create(issuer + "/protocol/openid-connect/certs"),
            Duration.ofSeconds(5),
            store,
            () -> true);
    reaching.refresh();
    SigningKeyKeeper.Status fetched = SigningKeyKeeper.status();
    assertThat(fetched.reachable()).isTrue();
    assertThat(fetched.keys()).isPositive();
    assertThat(fetched.fromStore()).isFalse();
    assertThat(store.load())
        .get()
        .extracting(StoredSigningKeys.Stored::jwks)
        .asString()
        .contains(fetched.keyIds().get(0));

    Files.delete(SigningKeyFile.PATH);
    SigningKeyKeeper cutOff =
        new SigningKeyKeeper(
            issuer,
            URI.create("http://localhost:" + LocalStack.freePort() + "/certs"),
            Duration.ofSeconds(5),
            store,
            () -> true);
    cutOff.refresh();

    SigningKeyKeeper.Status kept = SigningKeyKeeper.status();
    assertThat(kept.reachable()).isFalse();
    assertThat(kept.reason()).contains("ConnectException");
    assertThat(kept.fromStore()).isTrue();
    assertThat(kept.keyIds()).isEqualTo(fetched.keyIds());
    assertThat(Files.readString(SigningKeyFile.PATH)).contains(fetched.keyIds().get(0));
  }
}
