package io.proxima.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenID Connect provider on loopback standing in for Google (and any OIDC provider Keycloak
 * brokers to): discovery, an authorization endpoint that signs in the person the test named and
 * consents at once, a token endpoint that checks the client secret, the code, the redirect URI and
 * PKCE, userinfo, and a JWKS with the RSA key that really signs the ID tokens (RS256). Keycloak is
 * pointed at its discovery document by {@code proxima.signup.oidc.discovery-url}.
 */
final class OidcStub implements AutoCloseable {

  static final String CLIENT_ID = "proxima-test-broker";
  static final String CLIENT_SECRET = "stub-secret-" + UUID.randomUUID();

  /** Who the next authorization signs in. */
  record Person(String subject, String email, String givenName, String familyName) {}

  private record Grant(
      Person person, String clientId, String redirectUri, String nonce, String challenge) {}

  private final HttpServer server;
  private final KeyPair key;
  private final String keyId = "stub-" + UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Person> accessTokens = new ConcurrentHashMap<>();
  private volatile Person next;

  /** The paths called, in order, to show the broker really went through this provider. */
  final List<String> calls = new CopyOnWriteArrayList<>();

  private OidcStub(HttpServer server, KeyPair key) {
    this.server = server;
    this.key = key;
  }

  static OidcStub start() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      OidcStub stub = new OidcStub(server, generator.generateKeyPair());
      server.createContext("/", stub::answer);
      server.start();
      return stub;
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("the OIDC stub cannot start", e);
    }
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String discoveryUrl() {
    return issuer() + "/.well-known/openid-configuration";
  }

  /** The platform settings that make Keycloak offer this provider on the login page. */
  String configuration() {
    return "\nproxima.signup.oidc.discovery-url="
        + discoveryUrl()
        + "\nproxima.signup.oidc.client-id="
        + CLIENT_ID
        + "\nproxima.signup.oidc.client-secret="
        + CLIENT_SECRET
        + "\nproxima.signup.oidc.display-name=Google"
        + "\nproxima.signup.oidc.alias=oidc-stub";
  }

  void signInNext(Person person) {
    this.next = person;
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    calls.add(path);
    try {
      switch (path) {
        case "/.well-known/openid-configuration" -> respond(exchange, 200, discovery());
        case "/authorize" -> authorize(exchange);
        case "/token" -> token(exchange);
        case "/userinfo" -> userinfo(exchange);
        case "/jwks" -> respond(exchange, 200, jwks());
        default -> respond(exchange, 404, "{\"error\":\"not_found\"}");
      }
    } catch (RuntimeException e) {
      respond(exchange, 500, "{\"error\":\"server_error\"}");
    }
  }

  private String discovery() {
    return Json.createObjectBuilder()
        .add("issuer", issuer())
        .add("authorization_endpoint", issuer() + "/authorize")
        .add("token_endpoint", issuer() + "/token")
        .add("userinfo_endpoint", issuer() + "/userinfo")
        .add("jwks_uri", issuer() + "/jwks")
        .add("response_types_supported", Json.createArrayBuilder().add("code"))
        .add("subject_types_supported", Json.createArrayBuilder().add("public"))
        .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
        .add(
            "scopes_supported", Json.createArrayBuilder().add("openid").add("email").add("profile"))
        .add(
            "token_endpoint_auth_methods_supported",
            Json.createArrayBuilder().add("client_secret_post").add("client_secret_basic"))
        .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
        .build()
        .toString();
  }

  /** Signs in the person the test named and consents at once, like a remembered Google session. */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    Person person = next;
    if (person == null || !CLIENT_ID.equals(query.get("client_id"))) {
      respond(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(
        code,
        new Grant(
            person,
            query.get("client_id"),
            query.get("redirect_uri"),
            query.get("nonce"),
            query.get("code_challenge")));
    String redirect =
        query.get("redirect_uri")
            + (query.get("redirect_uri").contains("?") ? "&" : "?")
            + "code="
            + code
            + (query.containsKey("state")
                ? "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8)
                : "");
    exchange.getResponseHeaders().set("Location", redirect);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> body =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Map<String, String> client = new HashMap<>(body);
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String[] pair =
          new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
              .split(":", 2);
      client.put("client_id", URLDecoder.decode(pair[0], StandardCharsets.UTF_8));
      client.put("client_secret", URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
    }
    if (!CLIENT_ID.equals(client.get("client_id"))
        || !CLIENT_SECRET.equals(client.get("client_secret"))) {
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    Grant grant = codes.remove(body.getOrDefault("code", ""));
    if (grant == null
        || !"authorization_code".equals(body.get("grant_type"))
        || !grant.redirectUri().equals(body.get("redirect_uri"))
        || (grant.challenge() != null
            && !grant.challenge().equals(s256(body.get("code_verifier"))))) {
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    String accessToken = UUID.randomUUID().toString();
    accessTokens.put(accessToken, grant.person());
    long now = Instant.now().getEpochSecond();
    var claims =
        Json.createObjectBuilder()
            .add("iss", issuer())
            .add("sub", grant.person().subject())
            .add("aud", CLIENT_ID)
            .add("azp", CLIENT_ID)
            .add("iat", now)
            .add("exp", now + 300)
            .add("email", grant.person().email())
            .add("email_verified", true)
            .add("given_name", grant.person().givenName())
            .add("family_name", grant.person().familyName())
            .add("name", grant.person().givenName() + " " + grant.person().familyName());
    if (grant.nonce() != null) {
      claims.add("nonce", grant.nonce());
    }
    respond(
        exchange,
        200,
        Json.createObjectBuilder()
            .add("access_token", accessToken)
            .add("token_type", "Bearer")
            .add("expires_in", 300)
            .add("id_token", signed(claims.build()))
            .build()
            .toString());
  }

  private void userinfo(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Person person =
        authorization != null && authorization.startsWith("Bearer ")
            ? accessTokens.get(authorization.substring(7))
            : null;
    if (person == null) {
      respond(exchange, 401, "{\"error\":\"invalid_token\"}");
      return;
    }
    respond(
        exchange,
        200,
        Json.createObjectBuilder()
            .add("sub", person.subject())
            .add("email", person.email())
            .add("email_verified", true)
            .add("given_name", person.givenName())
            .add("family_name", person.familyName())
            .add("name", person.givenName() + " " + person.familyName())
            .build()
            .toString());
  }

  private String jwks() {
    RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
    return Json.createObjectBuilder()
        .add(
            "keys",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("kty", "RSA")
                        .add("use", "sig")
                        .add("alg", "RS256")
                        .add("kid", keyId)
                        .add("n", base64Url(unsigned(publicKey.getModulus().toByteArray())))
                        .add(
                            "e", base64Url(unsigned(publicKey.getPublicExponent().toByteArray())))))
        .build()
        .toString();
  }

  /** A compact JWS over the claims with the stub's RSA key. */
  private String signed(JsonObject claims) {
    String header =
        base64Url(
            Json.createObjectBuilder()
                .add("alg", "RS256")
                .add("typ", "JWT")
                .add("kid", keyId)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
    String payload = base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key.getPrivate());
      signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + base64Url(signature.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String s256(String verifier) {
    if (verifier == null) {
      return null;
    }
    try {
      return base64Url(
          MessageDigest.getInstance("SHA-256")
              .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] unsigned(byte[] twosComplement) {
    return twosComplement.length > 1 && twosComplement[0] == 0
        ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
        : twosComplement;
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      String[] parts = pair.split("=", 2);
      values.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
