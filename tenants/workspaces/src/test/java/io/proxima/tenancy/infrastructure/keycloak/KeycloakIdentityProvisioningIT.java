package io.proxima.tenancy.infrastructure.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.local.LocalStack;
import io.proxima.local.LocalStackExtension;
import io.proxima.tenancy.domain.Branding;
import io.proxima.tenancy.domain.IdentityProvisioning;
import io.proxima.tenancy.domain.IdentityProvisioning.Invitee;
import io.proxima.tenancy.domain.IdentityProvisioning.ProvisionedTenant;
import io.proxima.tenancy.domain.IdentityProvisioning.TenantProvisioningRequest;
import io.proxima.tenancy.domain.TenantSlug;
import io.proxima.tenancy.domain.TenantType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Provisioning against the real Keycloak of the local stack, through the same service account the
 * platform uses; what it made is checked through the admin API and by signing in.
 */
@ExtendWith(LocalStackExtension.class)
class KeycloakIdentityProvisioningIT {

  private static final String PORTAL = "http://localhost:8080";
  private static final String CALLBACK = PORTAL + "/callback";

  private static LocalStack stack;
  private static KeycloakAdminClientProvider keycloak;
  private static RealmResource realm;
  private static KeycloakIdentityProvisioning provisioning;

  @BeforeAll
  static void connect() throws IOException {
    stack = LocalStackExtension.stack();
    Properties defaults = new Properties();
    try (InputStream in =
        KeycloakIdentityProvisioningIT.class.getResourceAsStream(
            "/META-INF/microprofile-config.properties")) {
      defaults.load(in);
    }
    keycloak =
        new KeycloakAdminClientProvider(
            new KeycloakAdminSettings(
                stack.keycloak().baseUrl(),
                defaults.getProperty("proxima.keycloak.realm"),
                defaults.getProperty("proxima.keycloak.provisioner.client-id"),
                stack.secrets().provisionerSecret()));
    realm = keycloak.realm();
    provisioning = KeycloakIdentityProvisioning.using(keycloak);
  }

  @AfterAll
  static void disconnect() {
    keycloak.close();
  }

  @Test
  void provisioningCreatesOrganizationClientAndFirstAdmin() {
    String slug = newSlug();
    String email = slug + "-admin@example.com";

    ProvisionedTenant tenant = provisioning.provision(request(slug, email));

    OrganizationRepresentation organization =
        realm.organizations().get(tenant.organizationId()).toRepresentation();
    assertThat(organization.getName()).isEqualTo(slug);
    assertThat(organization.getAlias()).isEqualTo(slug);
    assertThat(organization.isEnabled()).isTrue();
    assertThat(organization.getDomains())
        .extracting(OrganizationDomainRepresentation::getName)
        .containsExactly(slug + ".proxima.local");
    assertThat(organization.getAttributes())
        .containsEntry("proxima.tenant.type", List.of("AGENCY"))
        .containsEntry("proxima.brand.name", List.of("Acme Agency"))
        .containsEntry("proxima.brand.primary", List.of("#112233"))
        .containsEntry("proxima.brand.accent", List.of("#445566"))
        .containsEntry("proxima.brand.hosts", List.of(slug + ".example.com"));

    assertThat(tenant.clientId()).isEqualTo("tenant-" + slug);
    ClientRepresentation client = realm.clients().get(tenant.clientUuid()).toRepresentation();
    assertThat(client.getClientId()).isEqualTo("tenant-" + slug);
    assertThat(client.isEnabled()).isTrue();
    assertThat(client.isPublicClient()).isTrue();
    assertThat(client.isStandardFlowEnabled()).isTrue();
    assertThat(client.isImplicitFlowEnabled()).isFalse();
    assertThat(client.isDirectAccessGrantsEnabled()).isTrue();
    assertThat(client.getRedirectUris())
        .as("the portal, its sub-domain for the tenant, and the tenant's own host name")
        .containsExactlyInAnyOrder(
            PORTAL + "/*", subDomain(slug) + "/*", "https://" + slug + ".example.com/*");
    assertThat(client.getWebOrigins()).containsExactly("+");
    assertThat(client.getAttributes())
        .containsEntry("pkce.code.challenge.method", "S256")
        .containsEntry("login_theme", "proxima")
        .containsEntry("proxima.brand.name", "Acme Agency")
        .containsEntry("proxima.brand.logo", "https://cdn.example.com/" + slug + ".png")
        .containsEntry("proxima.brand.primary", "#112233")
        .containsEntry("proxima.brand.accent", "#445566");
    assertThat(realm.clientScopes().findAll())
        .extracting(ClientScopeRepresentation::getName)
        .containsAll(KeycloakIdentityProvisioning.DEFAULT_CLIENT_SCOPES);
    assertThat(realm.clients().get(tenant.clientUuid()).getDefaultClientScopes())
        .extracting(ClientScopeRepresentation::getName)
        .containsExactlyInAnyOrderElementsOf(KeycloakIdentityProvisioning.DEFAULT_CLIENT_SCOPES);

    UserRepresentation admin = realm.users().get(tenant.firstAdminUserId()).toRepresentation();
    assertThat(admin.getUsername()).isEqualTo(email);
    assertThat(admin.getEmail()).isEqualTo(email);
    assertThat(admin.getFirstName()).isEqualTo("Keiko");
    assertThat(admin.getLastName()).isEqualTo("Tanaka");
    assertThat(admin.isEnabled()).isTrue();
    assertThat(admin.getRequiredActions())
        .containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");
    assertThat(memberIds(tenant)).containsExactly(tenant.firstAdminUserId());
  }

  @Test
  void provisioningTwiceReturnsTheSameIdentities() {
    String slug = newSlug();
    TenantProvisioningRequest request = request(slug, slug + "-admin@example.com");

    ProvisionedTenant first = provisioning.provision(request);
    ProvisionedTenant second = provisioning.provision(request);

    assertThat(second).isEqualTo(first);
    assertThat(realm.organizations().search(slug, true, 0, 10)).hasSize(1);
    assertThat(realm.clients().findByClientId("tenant-" + slug)).hasSize(1);
    assertThat(memberIds(first)).containsExactly(first.firstAdminUserId());
  }

  @Test
  void aFailedStepUndoesWhatTheCallCreatedAndOnlyThat() {
    String slug = newSlug();

    assertThatThrownBy(() -> provisioning.provision(request(slug, "not an e-mail address")))
        .isInstanceOf(IdentityProvisioningException.class)
        .hasMessageContaining("tenant " + slug)
        .hasMessageContaining("the first administrator")
        .hasMessageContaining("deleted again: client, organization");

    assertThat(realm.organizations().search(slug, true, 0, 10)).isEmpty();
    assertThat(realm.clients().findByClientId("tenant-" + slug)).isEmpty();

    ProvisionedTenant existing = provisioning.provision(request(slug, slug + "@example.com"));
    assertThatThrownBy(() -> provisioning.provision(request(slug, "still not an e-mail")))
        .isInstanceOf(IdentityProvisioningException.class);
    assertThat(realm.organizations().get(existing.organizationId()).toRepresentation().getAlias())
        .isEqualTo(slug);
    assertThat(realm.clients().get(existing.clientUuid()).toRepresentation().getClientId())
        .isEqualTo("tenant-" + slug);
    assertThat(memberIds(existing)).containsExactly(existing.firstAdminUserId());
  }

  @Test
  void anInviteeBecomesAMemberAndSignsInOnlyWhileSignInIsEnabled() {
    String slug = newSlug();
    ProvisionedTenant tenant = provisioning.provision(request(slug, slug + "-admin@example.com"));
    Invitee invitee = new Invitee(slug + "-Engineer@Example.com", "Ren", "Kobayashi");

    IdentityProvisioning.Invited invited = provisioning.invite(tenant, invitee);
    String userId = invited.subject();
    assertThat(invited.newAccount()).isTrue();

    assertThat(provisioning.invite(tenant, invitee))
        .isEqualTo(new IdentityProvisioning.Invited(userId, false));
    assertThat(memberIds(tenant)).containsExactlyInAnyOrder(tenant.firstAdminUserId(), userId);
    UserRepresentation user = realm.users().get(userId).toRepresentation();
    assertThat(user.getEmail()).isEqualTo(slug + "-engineer@example.com");
    assertThat(user.getRequiredActions())
        .containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");

    String password = activate(userId);
    String token = stack.keycloak().accessToken(tenant.clientId(), user.getUsername(), password);
    assertThat(claims(token)).contains("\"organization\"").contains("\"" + slug + "\"");

    provisioning.enableSignIn(tenant, false);
    assertThat(realm.clients().get(tenant.clientUuid()).toRepresentation().isEnabled()).isFalse();
    assertThatThrownBy(
            () -> stack.keycloak().accessToken(tenant.clientId(), user.getUsername(), password))
        .isInstanceOf(IllegalStateException.class);

    provisioning.enableSignIn(tenant, true);
    assertThat(stack.keycloak().accessToken(tenant.clientId(), user.getUsername(), password))
        .isNotBlank();

    ProvisionedTenant other =
        provisioning.provision(request(newSlug(), newSlug() + "@example.com"));
    // Someone with an account is not added anywhere until they accept.
    assertThat(provisioning.invite(other, invitee))
        .isEqualTo(new IdentityProvisioning.Invited(userId, false));
    assertThat(memberIds(other)).doesNotContain(userId);
    provisioning.admit(other, userId);
    provisioning.admit(other, userId);
    assertThat(memberIds(other)).contains(userId);
    assertThat(memberIds(tenant)).contains(userId);
  }

  @Test
  void signInStartsFromTheTenantsSubDomainAndOlderClientsAreBroughtUpToIt() {
    String slug = newSlug();
    ProvisionedTenant tenant = provisioning.provision(request(slug, slug + "-admin@example.com"));
    Invitee invitee = new Invitee(slug + "-staff@example.com", "Ren", "Kobayashi");
    String userId = provisioning.invite(tenant, invitee).subject();
    String password = activate(userId);
    String callback = subDomain(slug) + "/callback";

    HttpResponse<String> fromSubDomain =
        new Browser().signIn(tenant.clientId(), invitee.email(), password, callback);
    assertThat(fromSubDomain.statusCode()).as(fromSubDomain.body()).isEqualTo(302);
    assertThat(fromSubDomain.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith(callback + "?"));

    // A client as releases before the sub-domain made it: the portal and the own host name only.
    ClientRepresentation client = realm.clients().get(tenant.clientUuid()).toRepresentation();
    client.setRedirectUris(List.of(PORTAL + "/*", "https://" + slug + ".example.com/*"));
    client.setWebOrigins(List.of());
    realm.clients().get(tenant.clientUuid()).update(client);
    HttpResponse<String> refused =
        new Browser().signIn(tenant.clientId(), invitee.email(), password, callback);
    assertThat(refused.statusCode()).as("Keycloak's invalid redirect_uri page").isEqualTo(400);

    assertThat(provisioning.allowPortalAddresses(tenant, List.of(PORTAL, subDomain(slug))))
        .isTrue();
    ClientRepresentation reconciled = realm.clients().get(tenant.clientUuid()).toRepresentation();
    assertThat(reconciled.getRedirectUris())
        .as("what was there is kept, the sub-domain added")
        .containsExactlyInAnyOrder(
            PORTAL + "/*", "https://" + slug + ".example.com/*", subDomain(slug) + "/*");
    assertThat(reconciled.getWebOrigins()).containsExactly("+");
    assertThat(provisioning.allowPortalAddresses(tenant, List.of(PORTAL, subDomain(slug))))
        .as("a second pass changes nothing")
        .isFalse();
    HttpResponse<String> again =
        new Browser().signIn(tenant.clientId(), invitee.email(), password, callback);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
    assertThat(again.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith(callback + "?"));
  }

  @Test
  void brandingChangesClientAndOrganizationAttributes() {
    String slug = newSlug();
    ProvisionedTenant tenant = provisioning.provision(request(slug, slug + "-admin@example.com"));

    provisioning.applyBranding(
        tenant,
        new Branding(
            "Acme Rebranded",
            "https://cdn.example.com/new.png",
            "#aa0000",
            "#00bb00",
            List.of("new-" + slug + ".example.com")));

    ClientRepresentation client = realm.clients().get(tenant.clientUuid()).toRepresentation();
    assertThat(client.getName()).isEqualTo("Acme Rebranded");
    assertThat(client.getRedirectUris())
        .as("the old host name gives way to the new one; the portal stays")
        .containsExactlyInAnyOrder(
            PORTAL + "/*", subDomain(slug) + "/*", "https://new-" + slug + ".example.com/*");
    assertThat(client.getAttributes())
        .containsEntry("proxima.brand.name", "Acme Rebranded")
        .containsEntry("proxima.brand.logo", "https://cdn.example.com/new.png")
        .containsEntry("proxima.brand.primary", "#aa0000")
        .containsEntry("proxima.brand.accent", "#00bb00")
        .containsEntry("login_theme", "proxima")
        .containsEntry("pkce.code.challenge.method", "S256");
    OrganizationRepresentation organization =
        realm.organizations().get(tenant.organizationId()).toRepresentation();
    assertThat(organization.getAttributes())
        .containsEntry("proxima.tenant.type", List.of("AGENCY"))
        .containsEntry("proxima.brand.name", List.of("Acme Rebranded"))
        .containsEntry("proxima.brand.primary", List.of("#aa0000"))
        .containsEntry("proxima.brand.accent", List.of("#00bb00"))
        .containsEntry("proxima.brand.hosts", List.of("new-" + slug + ".example.com"));
    assertThat(organization.getDomains())
        .extracting(OrganizationDomainRepresentation::getName)
        .containsExactly(slug + ".proxima.local");

    provisioning.applyBranding(tenant, Branding.named("Plain Acme"));

    assertThat(realm.clients().get(tenant.clientUuid()).toRepresentation().getRedirectUris())
        .containsExactlyInAnyOrder(PORTAL + "/*", subDomain(slug) + "/*");
    assertThat(realm.clients().get(tenant.clientUuid()).toRepresentation().getAttributes())
        .containsEntry("proxima.brand.name", "Plain Acme")
        .containsEntry("proxima.brand.primary", Branding.DEFAULT_PRIMARY)
        .doesNotContainKey("proxima.brand.logo");
    assertThat(
            realm.organizations().get(tenant.organizationId()).toRepresentation().getAttributes())
        .containsEntry("proxima.brand.name", List.of("Plain Acme"))
        .doesNotContainKey("proxima.brand.hosts");
  }

  @Test
  void requiredTotpSendsEveryUserOfTheClientToOtpSetup() {
    String slug = newSlug();
    ProvisionedTenant tenant = provisioning.provision(request(slug, slug + "-admin@example.com"));
    String username = slug + "-totp@example.com";
    String password =
        activate(provisioning.invite(tenant, new Invitee(username, "Aoi", "Mori")).subject());

    provisioning.requireTotp(tenant, true);

    String flowId =
        realm
            .clients()
            .get(tenant.clientUuid())
            .toRepresentation()
            .getAuthenticationFlowBindingOverrides()
            .get("browser");
    assertThat(flowId).isNotBlank();
    assertThat(realm.flows().getFlow(flowId).getAlias())
        .isEqualTo(AuthenticationFlowGateway.TOTP_BROWSER_FLOW);
    assertThat(realm.flows().getExecutions(AuthenticationFlowGateway.TOTP_BROWSER_FLOW))
        .filteredOn(execution -> "auth-otp-form".equals(execution.getProviderId()))
        .extracting(AuthenticationExecutionInfoRepresentation::getRequirement)
        .containsExactly("REQUIRED");
    HttpResponse<String> withTotp = new Browser().signIn(tenant.clientId(), username, password);
    assertThat(withTotp.statusCode()).as(withTotp.body()).isEqualTo(200);
    assertThat(withTotp.body()).contains("totpSecret");

    ProvisionedTenant other =
        provisioning.provision(request(newSlug(), newSlug() + "@example.com"));
    provisioning.requireTotp(other, true);
    assertThat(
            realm
                .clients()
                .get(other.clientUuid())
                .toRepresentation()
                .getAuthenticationFlowBindingOverrides())
        .containsEntry("browser", flowId);

    provisioning.requireTotp(tenant, false);

    assertThat(
            realm
                .clients()
                .get(tenant.clientUuid())
                .toRepresentation()
                .getAuthenticationFlowBindingOverrides())
        .doesNotContainKey("browser");
    HttpResponse<String> withoutTotp = new Browser().signIn(tenant.clientId(), username, password);
    assertThat(withoutTotp.statusCode()).as(withoutTotp.body()).isEqualTo(302);
    assertThat(withoutTotp.headers().firstValue("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).startsWith(CALLBACK).contains("code="));
  }

  private static TenantProvisioningRequest request(String slug, String adminEmail) {
    return new TenantProvisioningRequest(
        new TenantSlug(slug),
        TenantType.AGENCY,
        new Branding(
            "Acme Agency",
            "https://cdn.example.com/" + slug + ".png",
            "#112233",
            "#445566",
            List.of(slug + ".example.com")),
        new Invitee(adminEmail, "Keiko", "Tanaka"),
        List.of(PORTAL, subDomain(slug)));
  }

  /** The tenant's own address under the platform's base domain, as the portal serves it. */
  private static String subDomain(String slug) {
    return "http://" + slug + ".proxima.localhost:8080";
  }

  private static String newSlug() {
    return "kc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private static List<String> memberIds(ProvisionedTenant tenant) {
    return realm.organizations().get(tenant.organizationId()).members().getAll().stream()
        .map(MemberRepresentation::getId)
        .toList();
  }

  /** What the person would do after the invitation e-mail: set a password, verify the e-mail. */
  private static String activate(String userId) {
    String password = "Pw-" + UUID.randomUUID();
    CredentialRepresentation credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(false);
    realm.users().get(userId).resetPassword(credential);
    UserRepresentation user = realm.users().get(userId).toRepresentation();
    user.setRequiredActions(List.of());
    user.setEmailVerified(true);
    realm.users().get(userId).update(user);
    return password;
  }

  private static String claims(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  /** Signs in the way a browser does: authorization request, then the login page's forms. */
  private static final class Browser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");

    private final HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Keycloak marks its cookies Secure; a browser still sends them to http://localhost, the JDK's
     * CookieManager does not. So: a jar of its own.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Where signing in ends: a redirect to the portal, or a page that asks for more. */
    HttpResponse<String> signIn(String clientId, String username, String password) {
      return signIn(clientId, username, password, CALLBACK);
    }

    HttpResponse<String> signIn(
        String clientId, String username, String password, String redirectUri) {
      String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
      Map<String, String> query = new LinkedHashMap<>();
      query.put("client_id", clientId);
      query.put("redirect_uri", redirectUri);
      query.put("response_type", "code");
      query.put("scope", "openid");
      query.put("state", UUID.randomUUID().toString());
      query.put("code_challenge", challenge(verifier));
      query.put("code_challenge_method", "S256");
      HttpResponse<String> page =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          stack.keycloak().issuer()
                              + "/protocol/openid-connect/auth?"
                              + form(query)))
                  .GET());
      // Keycloak's own redirects (to required actions) are followed, the one to the portal is not;
      // organizations may make the first page ask for the username alone (identity-first).
      for (int i = 0; i < 6; i++) {
        String location = page.headers().firstValue("Location").orElse("");
        if (page.statusCode() == 302 && location.startsWith(stack.keycloak().baseUrl())) {
          page = send(HttpRequest.newBuilder(URI.create(location)).GET());
          continue;
        }
        String body = page.body();
        Matcher action = FORM_ACTION.matcher(body);
        boolean asksUsername = body.contains("name=\"username\"");
        boolean asksPassword = body.contains("name=\"password\"");
        if (page.statusCode() != 200 || !action.find() || !(asksUsername || asksPassword)) {
          break;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (asksUsername) {
          fields.put("username", username);
        }
        if (asksPassword) {
          fields.put("password", password);
        }
        page =
            send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
      }
      return page;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; ")));
      }
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
          String pair = header.split(";", 2)[0];
          int equals = pair.indexOf('=');
          if (equals > 0) {
            cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
          }
        }
        return response;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static String form(Map<String, String> fields) {
      return fields.entrySet().stream()
          .map(
              field ->
                  URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
      try {
        byte[] hash =
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
