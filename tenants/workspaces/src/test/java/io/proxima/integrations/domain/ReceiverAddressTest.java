package io.proxima.integrations.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiverAddressTest {

  /** A DNS of fixed answers: what each name resolves to in these tests. */
  private static final Map<String, List<String>> DNS =
      Map.of(
          "hooks.example.jp", List.of("203.0.113.10"),
          "rebinding.example.jp", List.of("203.0.113.10", "127.0.0.1"),
          "metadata.example.jp", List.of("169.254.169.254"),
          "localhost", List.of("127.0.0.1"),
          "v6.example.jp", List.of("2001:db8::1"));

  private static final ReceiverAddress.Resolver RESOLVER =
      host -> {
        if (host.contains(":") || host.matches("[0-9.]+")) {
          // An address literal: no lookup, as the JDK's resolver does.
          return List.of(address(host));
        }
        List<String> answers = DNS.get(host);
        if (answers == null) {
          throw new UnknownHostException(host);
        }
        return answers.stream().map(ReceiverAddressTest::address).toList();
      };

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(String url) {
    ReceiverAddress.check("url", ReceiverAddress.parse("url", url), RESOLVER, Set.of());
  }

  @Test
  void aPublicReceiverIsAccepted() {
    assertThatCode(() -> check("https://hooks.example.jp/proxima?x=1")).doesNotThrowAnyException();
    assertThatCode(() -> check("https://v6.example.jp/")).doesNotThrowAnyException();
    assertThatCode(() -> check("http://203.0.113.7:8080/hook")).doesNotThrowAnyException();
  }

  @Test
  void loopbackPrivateLinkLocalAndSpecialAddressesAreRefused() {
    for (String url :
        List.of(
            "http://localhost/hook",
            "http://127.0.0.1/hook",
            "http://127.1.2.3/hook",
            "http://10.0.0.5/hook",
            "http://172.16.3.4/hook",
            "http://192.168.1.1/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/",
            "https://metadata.example.jp/")) {
      assertThatThrownBy(() -> check(url))
          .as(url)
          .isInstanceOf(DomainException.InvalidValue.class)
          .hasMessageContaining("public internet");
    }
  }

  @Test
  void aNameWithOnePrivateAnswerAmongPublicOnesIsRefused() {
    assertThatThrownBy(() -> check("https://rebinding.example.jp/"))
        .isInstanceOf(DomainException.InvalidValue.class);
  }

  @Test
  void unknownHostsAndMalformedUrlsAreRefused() {
    assertThatThrownBy(() -> check("https://nowhere.example.jp/"))
        .hasMessageContaining("does not resolve");
    for (String url :
        new String[] {
          "ftp://hooks.example.jp/",
          "hooks.example.jp/x",
          "https://user:pw@hooks.example.jp/",
          "https://hooks.example.jp/#x",
          "https:///x",
          "",
          "http://exa mple.jp/"
        }) {
      assertThatThrownBy(() -> check(url)).as(url).isInstanceOf(DomainException.InvalidValue.class);
    }
  }

  @Test
  void onlyTheHostsTheSettingNamesMayBePrivate() {
    Set<String> allowed = ReceiverAddress.hosts(Optional.of(" localhost , "));
    URI local = ReceiverAddress.parse("url", "http://localhost:8099/hook");
    assertThatCode(() -> ReceiverAddress.check("url", local, RESOLVER, allowed))
        .doesNotThrowAnyException();
    URI literal = ReceiverAddress.parse("url", "http://127.0.0.1:8099/hook");
    assertThatThrownBy(() -> ReceiverAddress.check("url", literal, RESOLVER, allowed))
        .isInstanceOf(DomainException.InvalidValue.class);
    assertThatCode(() -> ReceiverAddress.check("url", literal, RESOLVER, Set.of("*")))
        .doesNotThrowAnyException();
  }
}
