package io.proxima.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The master keys in a key management service: HashiCorp Vault's (or OpenBao's) transit engine,
 * which keeps a named key with numbered versions and never lets the key itself out. A data key is
 * sent to be encrypted and decrypted; rotation adds a version; retiring raises the key's minimum
 * decryption version, so versions are retired oldest first, as Vault allows.
 *
 * <p>The owner is bound by this side, not by the service: the plaintext sent is the owner's name
 * and the data key, and an unwrapped key whose owner differs is refused like a broken seal, so a
 * wrapped key copied onto another freelancer's row opens nothing.
 *
 * <p>Ids are {@code vault:<key>:v<version>}. Calls that fail for the service's sake (no answer,
 * 429, 5xx) are tried three times with a growing pause; a refusal (403, a missing key) is not.
 */
public class VaultTransitMasterKeys implements MasterKeys {

  private static final Logger LOG = Logger.getLogger(VaultTransitMasterKeys.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CIPHERTEXT = Pattern.compile("^vault:v(\\d+):");
  private static final int ATTEMPTS = 3;

  /** Vault's and OpenBao's error for a ciphertext below the key's min_decryption_version. */
  private static final String TOO_OLD = "disallowed by policy (too old)";

  private final URI base;
  private final String token;
  private final String key;
  private final HttpClient http;
  private final Duration firstPause;

  /**
   * @param base the service's address, e.g. {@code https://vault.internal:8200}
   * @param mount where the transit engine is mounted, usually {@code transit}
   * @param key the transit key's name
   */
  public VaultTransitMasterKeys(
      URI base, String mount, String key, String token, Duration firstPause) {
    this.base = URI.create(base.toString().replaceAll("/+$", "") + "/v1/" + mount + "/");
    this.key = key;
    this.token = token;
    this.firstPause = firstPause;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public String currentId() {
    return id(keyInfo().path("latest_version").asInt());
  }

  @Override
  public Set<String> ids() {
    JsonNode info = keyInfo();
    Set<String> ids = new TreeSet<>();
    int from = Math.max(1, info.path("min_decryption_version").asInt(1));
    for (int version = from; version <= info.path("latest_version").asInt(); version++) {
      ids.add(id(version));
    }
    return ids;
  }

  @Override
  public WrappedDataKey wrap(byte[] dataKey, KeyOwner owner) {
    ObjectNode body = JSON.createObjectNode();
    body.put("plaintext", Base64.getEncoder().encodeToString(bound(owner, dataKey)));
    String ciphertext =
        call("POST", "encrypt/" + key, body).path("data").path("ciphertext").asText();
    Matcher version = CIPHERTEXT.matcher(ciphertext);
    if (!version.find()) {
      throw new IllegalStateException("the key service answered no ciphertext for key " + key);
    }
    return new WrappedDataKey(
        id(Integer.parseInt(version.group(1))), ciphertext.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public byte[] unwrap(WrappedDataKey wrapped, KeyOwner owner) {
    String ciphertext = new String(wrapped.bytes(), StandardCharsets.US_ASCII);
    int version = version(wrapped.masterKeyId());
    Matcher written = CIPHERTEXT.matcher(ciphertext);
    if (!written.find() || Integer.parseInt(written.group(1)) != version) {
      throw new Envelope.SealBroken("the wrapped key does not match its master key id");
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("ciphertext", ciphertext);
    JsonNode answer;
    try {
      answer = call("POST", "decrypt/" + key, body);
    } catch (Refused e) {
      // The service enforces min_decryption_version itself, so asking for the key's details
      // first would only cost a round trip per unwrap; its refusal is translated instead.
      if (e.status == 400 && e.said.contains(TOO_OLD)) {
        throw new IllegalStateException(
            "master key " + wrapped.masterKeyId() + " is retired in the key service", e);
      }
      throw e;
    }
    byte[] plain = Base64.getDecoder().decode(answer.path("data").path("plaintext").asText());
    byte[] expected = (owner.value() + "\0").getBytes(StandardCharsets.UTF_8);
    if (plain.length <= expected.length
        || !Arrays.equals(Arrays.copyOf(plain, expected.length), expected)) {
      throw new Envelope.SealBroken("the wrapped key belongs to another owner");
    }
    return Arrays.copyOfRange(plain, expected.length, plain.length);
  }

  @Override
  public String rotate() {
    call("POST", "keys/" + key + "/rotate", JSON.createObjectNode());
    String current = currentId();
    LOG.info(() -> "rotated transit key " + key + ", now " + current);
    return current;
  }

  @Override
  public void retire(String id) {
    int version = version(id);
    JsonNode info = keyInfo();
    if (version == info.path("latest_version").asInt()) {
      throw new IllegalArgumentException("the current master key cannot be retired");
    }
    int minimum = info.path("min_decryption_version").asInt(1);
    if (version < minimum) {
      return; // already retired
    }
    if (version != minimum) {
      throw new IllegalArgumentException(
          "the key service retires versions oldest first; retire " + id(minimum) + " before " + id);
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("min_decryption_version", version + 1);
    call("POST", "keys/" + key + "/config", body);
  }

  private JsonNode keyInfo() {
    return call("GET", "keys/" + key, null).path("data");
  }

  private String id(int version) {
    return "vault:" + key + ":v" + version;
  }

  private int version(String id) {
    String prefix = "vault:" + key + ":v";
    if (!id.startsWith(prefix) || !id.substring(prefix.length()).matches("\\d{1,9}")) {
      throw new IllegalArgumentException(id + " is not a version of transit key " + key);
    }
    return Integer.parseInt(id.substring(prefix.length()));
  }

  private static byte[] bound(KeyOwner owner, byte[] dataKey) {
    byte[] name = (owner.value() + "\0").getBytes(StandardCharsets.UTF_8);
    byte[] plain = Arrays.copyOf(name, name.length + dataKey.length);
    System.arraycopy(dataKey, 0, plain, name.length, dataKey.length);
    return plain;
  }

  private JsonNode call(String method, String path, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("X-Vault-Token", token)
            .header("Accept", "application/json");
    request =
        body == null
            ? request.GET()
            : request
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    IOException lastFailure = null;
    Duration pause = firstPause;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return response.body().isBlank()
              ? JSON.createObjectNode()
              : JSON.readTree(response.body());
        }
        String said = errors(response.body());
        if (status != 429 && status < 500) {
          // A refusal is an operator's to fix (token, policy, key name): retrying changes nothing.
          throw new Refused(method, path, status, said);
        }
        lastFailure = new IOException("the key service answered " + status + ": " + said);
      } catch (IOException e) {
        lastFailure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while calling the key service", e);
      }
      if (attempt < ATTEMPTS) {
        sleep(pause);
        pause = pause.multipliedBy(2);
      }
    }
    throw new UncheckedIOException(
        "the key service at " + base + " did not answer " + method + " " + path, lastFailure);
  }

  /** The service said no (4xx but 429); the status and its errors let callers tell why. */
  private static final class Refused extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String said;

    Refused(String method, String path, int status, String said) {
      super("the key service refused " + method + " " + path + " (" + status + "): " + said);
      this.status = status;
      this.said = said;
    }
  }

  private static String errors(String body) {
    try {
      JsonNode errors = JSON.readTree(body).path("errors");
      return errors.isArray() && !errors.isEmpty() ? errors.toString() : "no error message";
    } catch (IOException e) {
      return "no error message";
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
