package io.proxima.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A local stand-in for Vault's transit engine that behaves like it where the adapter depends on it:
 * a token checked on every call (403 "permission denied"), versioned AES-GCM keys that never leave
 * it, ciphertexts "vault:v&lt;n&gt;:…", rotation, a minimum decryption version that refuses older
 * ciphertexts at decrypt with Vault's own 400 and wording (the adapter relies on it instead of
 * reading the key's details first), unknown keys (404), and a sealed service (503) for as many
 * calls as a test asks.
 */
final class VaultTransitStub implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PATH =
      Pattern.compile("^/v1/transit/(keys|encrypt|decrypt)/([^/]+)(?:/(rotate|config))?$");
  private static final Pattern CIPHERTEXT = Pattern.compile("^vault:v(\\d+):(.+)$");

  final String token;
  final String keyName;
  private final HttpServer server;
  private final List<SecretKey> versions = new ArrayList<>();
  private int minimumDecryption = 1;
  final AtomicInteger sealedFor = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();

  VaultTransitStub(String token, String keyName) throws IOException {
    this.token = token;
    this.keyName = keyName;
    versions.add(newKey());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    calls.incrementAndGet();
    try (exchange) {
      if (sealedFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        answer(exchange, 503, errors("Vault is sealed"));
        return;
      }
      if (!token.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
        answer(exchange, 403, errors("permission denied"));
        return;
      }
      Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
      if (!path.matches() || !path.group(2).equals(keyName)) {
        answer(exchange, 404, errors());
        return;
      }
      JsonNode body =
          exchange.getRequestMethod().equals("GET")
              ? JSON.createObjectNode()
              : JSON.readTree(exchange.getRequestBody().readAllBytes());
      String action = path.group(3) == null ? path.group(1) : path.group(3);
      switch (action) {
        case "keys" -> answer(exchange, 200, keyInfo());
        case "rotate" -> {
          versions.add(newKey());
          answer(exchange, 200, keyInfo());
        }
        case "config" -> {
          int minimum = body.path("min_decryption_version").asInt();
          if (minimum < 1 || minimum > versions.size()) {
            answer(exchange, 400, errors("invalid min_decryption_version"));
          } else {
            minimumDecryption = minimum;
            answer(exchange, 200, keyInfo());
          }
        }
        case "encrypt" -> answer(exchange, 200, encrypt(body.path("plaintext").asText()));
        case "decrypt" -> decrypt(exchange, body.path("ciphertext").asText());
        default -> answer(exchange, 404, errors());
      }
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private ObjectNode keyInfo() {
    ObjectNode data = JSON.createObjectNode();
    data.put("name", keyName);
    data.put("type", "aes256-gcm96");
    data.put("latest_version", versions.size());
    data.put("min_decryption_version", minimumDecryption);
    ObjectNode answer = JSON.createObjectNode();
    answer.set("data", data);
    return answer;
  }

  private ObjectNode encrypt(String plaintext) throws GeneralSecurityException {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE, versions.get(versions.size() - 1), new GCMParameterSpec(128, nonce));
    byte[] sealed = cipher.doFinal(Base64.getDecoder().decode(plaintext));
    byte[] out = ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    ObjectNode data = JSON.createObjectNode();
    data.put(
        "ciphertext", "vault:v" + versions.size() + ":" + Base64.getEncoder().encodeToString(out));
    data.put("key_version", versions.size());
    ObjectNode answer = JSON.createObjectNode();
    answer.set("data", data);
    return answer;
  }

  private void decrypt(HttpExchange exchange, String ciphertext) throws IOException {
    Matcher m = CIPHERTEXT.matcher(ciphertext);
    if (!m.matches()) {
      answer(exchange, 400, errors("invalid ciphertext: no prefix"));
      return;
    }
    int version = Integer.parseInt(m.group(1));
    if (version < minimumDecryption) {
      answer(
          exchange,
          400,
          errors("ciphertext or signature version is disallowed by policy (too old)"));
      return;
    }
    if (version > versions.size()) {
      answer(exchange, 400, errors("invalid ciphertext: version is too new"));
      return;
    }
    try {
      byte[] in = Base64.getDecoder().decode(m.group(2));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, versions.get(version - 1), new GCMParameterSpec(128, in, 0, 12));
      byte[] plain = cipher.doFinal(in, 12, in.length - 12);
      ObjectNode data = JSON.createObjectNode();
      data.put("plaintext", Base64.getEncoder().encodeToString(plain));
      ObjectNode answer = JSON.createObjectNode();
      answer.set("data", data);
      answer(exchange, 200, answer);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      answer(exchange, 400, errors("cipher: message authentication failed"));
    }
  }

  private static ObjectNode errors(String... messages) {
    ObjectNode answer = JSON.createObjectNode();
    var list = answer.putArray("errors");
    for (String message : messages) {
      list.add(message);
    }
    return answer;
  }

  private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static SecretKey newKey() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      return generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
