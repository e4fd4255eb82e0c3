package io.proxima.local;

import io.proxima.keycloak.local.LocalKeycloak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What tests do to invited people that a person would do by e-mail: set a password and finish the
 * required actions, through the master admin of the local Keycloak. Never used by the platform.
 */
public final class KeycloakTestAdmin {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final LocalKeycloak keycloak;
  private final HttpClient http = HttpClient.newHttpClient();

  public KeycloakTestAdmin(LocalKeycloak keycloak) {
    this.keycloak = keycloak;
  }

  /** Sets a permanent password and clears required actions, as if the person had signed up. */
  public void activate(String email, String password) {
    String token = masterToken();
    String users =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        adminBase()
                            + "/users?exact=true&email="
                            + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    Matcher id = ID.matcher(users);
    if (!id.find()) {
      throw new IllegalStateException("no Keycloak user with e-mail " + email + ": " + users);
    }
    String user = adminBase() + "/users/" + id.group(1);
    send(
        HttpRequest.newBuilder(URI.create(user + "/reset-password"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"type\":\"password\",\"temporary\":false,\"value\":\""
                        + password.replace("\"", "\\\"")
                        + "\"}"))
            .build());
    send(
        HttpRequest.newBuilder(URI.create(user))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"requiredActions\":[],\"emailVerified\":true}"))
            .build());
  }

  /**
   * Points the realm's mail (password reset, e-mail verification) at an SMTP server. Keycloak keeps
   * it in the realm, so it is set after every start rather than written into the imported file.
   */
  public void useMailServer(String host, int port, String from, String fromName) {
    send(
        HttpRequest.newBuilder(URI.create(adminBase()))
            .header("Authorization", "Bearer " + masterToken())
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"smtpServer":{"host":"%s","port":"%d","from":"%s","fromDisplayName":"%s",
                     "auth":"false","ssl":"false","starttls":"false"}}
                    """
                        .formatted(host, port, from, fromName)))
            .build());
  }

  /**
   * Gives the platform's provisioner the rights sign-up needs: to manage the realm's identity
   * providers (GitHub, Google), which it configures at start, and its events, where Keycloak
   * records each registration its form took. Set on every start as well as in the realm file: a
   * realm imported by an older release lacks them, and the file is imported only once.
   */
  public void letProvisionerRunSignUp() {
    String token = masterToken();
    String user =
        firstId(
            send(
                HttpRequest.newBuilder(
                        URI.create(
                            adminBase()
                                + "/users?exact=true&username=service-account-proxima-provisioner"))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build()),
            "the provisioner's service account");
    String client =
        firstId(
            send(
                HttpRequest.newBuilder(
                        URI.create(adminBase() + "/clients?clientId=realm-management"))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build()),
            "the realm-management client");
    StringBuilder roles = new StringBuilder("[");
    for (String name :
        List.of(
            "manage-identity-providers",
            "view-identity-providers",
            "manage-events",
            "view-events")) {
      if (roles.length() > 1) {
        roles.append(',');
      }
      roles.append(
          send(
              HttpRequest.newBuilder(
                      URI.create(adminBase() + "/clients/" + client + "/roles/" + name))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build()));
    }
    send(
        HttpRequest.newBuilder(
                URI.create(adminBase() + "/users/" + user + "/role-mappings/clients/" + client))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(roles.append(']').toString()))
            .build());
  }

  private static String firstId(String json, String what) {
    Matcher id = ID.matcher(json);
    if (!id.find()) {
      throw new IllegalStateException("no " + what + " in Keycloak: " + json);
    }
    return id.group(1);
  }

  /** A person who signed up by themselves (a freelancer): enabled, verified, with a password. */
  public void createUser(String username, String email, String firstName, String password) {
    createUser(username, email, firstName, password, true);
  }

  /**
   * A person who registered but has not yet followed the verification mail: their address is only a
   * claim, and the realm lets them sign in only once {@link #activate} has verified it.
   */
  public void createUnverifiedUser(String username, String email, String firstName) {
    createUser(username, email, firstName, UUID.randomUUID().toString(), false);
  }

  /** Whether the realm has a user with this e-mail address (enabled or not). */
  public boolean hasUserWithEmail(String email) {
    String found =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        adminBase()
                            + "/users?exact=true&email="
                            + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + masterToken())
                .GET()
                .build());
    return !found.strip().equals("[]");
  }

  private void createUser(
      String username, String email, String firstName, String password, boolean verified) {
    send(
        HttpRequest.newBuilder(URI.create(adminBase() + "/users"))
            .header("Authorization", "Bearer " + masterToken())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"username":"%s","email":"%s","firstName":"%s","lastName":"Test",
                     "enabled":true,"emailVerified":%s,
                     "credentials":[{"type":"password","value":"%s","temporary":false}]}
                    """
                        .formatted(username, email, firstName, verified, password)))
            .build());
  }

  /**
   * Lets a realm client send browsers back to {@code origin} (a test platform on a free port): the
   * realm file only knows the default http://localhost:8080.
   */
  public void allowRedirectsTo(String clientId, String origin) {
    String token = masterToken();
    String clients =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        adminBase()
                            + "/clients?clientId="
                            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    Matcher id = ID.matcher(clients);
    if (!clients.startsWith("[{") || !id.find()) {
      throw new IllegalStateException("no Keycloak client " + clientId + ": " + clients);
    }
    // One client, and one redirectUris list in it: prepend the origin's pattern to that list.
    String client =
        clients
            .substring(1, clients.length() - 1)
            .replaceFirst(
                "\"redirectUris\"\\s*:\\s*\\[",
                Matcher.quoteReplacement("\"redirectUris\":[\"" + origin + "/*\","));
    send(
        HttpRequest.newBuilder(URI.create(adminBase() + "/clients/" + id.group(1)))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(client))
            .build());
  }

  /**
   * Rotates the realm's signing key: a new generated RSA key above the existing ones, which signs
   * every token from now on while the old key stays valid for tokens already issued. Returns the
   * key provider's id for {@link #removeKeyProvider}.
   */
  public String addSigningKey(String name, int priority) {
    String component =
        """
        {"name":"%s","providerId":"rsa-generated","providerType":"org.keycloak.keys.KeyProvider",
         "config":{"priority":["%d"],"keySize":["2048"],"active":["true"],"enabled":["true"]}}
        """
            .formatted(name, priority);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(adminBase() + "/components"))
            .header("Authorization", "Bearer " + masterToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(component))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String location = response.headers().firstValue("Location").orElse("");
      if (response.statusCode() != 201 || location.isEmpty()) {
        throw new IllegalStateException(
            "no key provider: " + response.statusCode() + " " + response.body());
      }
      return location.substring(location.lastIndexOf('/') + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public void removeKeyProvider(String id) {
    send(
        HttpRequest.newBuilder(URI.create(adminBase() + "/components/" + id))
            .header("Authorization", "Bearer " + masterToken())
            .DELETE()
            .build());
  }

  private String adminBase() {
    return keycloak.baseUrl() + "/admin/realms/" + LocalKeycloak.REALM;
  }

  private String masterToken() {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + keycloak.settings().adminUser()
            + "&password="
            + URLEncoder.encode(keycloak.settings().adminPassword(), StandardCharsets.UTF_8);
    String body =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    Matcher token = TOKEN.matcher(body);
    if (!token.find()) {
      throw new IllegalStateException("no master admin token: " + body);
    }
    return token.group(1);
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " -> "
                + response.statusCode()
                + " "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
