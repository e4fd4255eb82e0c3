package io.proxima.integrations.domain;

import io.proxima.platform.error.DomainException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook may be sent. The platform must not become a way into its own network, so a
 * receiver's host must resolve only to public addresses: loopback, private, link-local (the cloud
 * metadata service), carrier-grade NAT, unique-local and the unspecified address are refused. The
 * check runs when the URL is saved and again right before every delivery, so a name that later
 * resolves inward (DNS rebinding) is refused then. Only a development or test setting names host
 * names that may be private ({@code localhost} for a receiver on the developer's machine).
 */
public final class ReceiverAddress {

  /** Looks names up; the platform's resolver in production, a fixed table in unit tests. */
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  private ReceiverAddress() {}

  /** The setting's comma-separated host names, lower case; empty when unset. */
  public static java.util.Set<String> hosts(java.util.Optional<String> setting) {
    return setting.stream()
        .flatMap(value -> java.util.Arrays.stream(value.split(",")))
        .map(host -> host.strip().toLowerCase(Locale.ROOT))
        .filter(host -> !host.isEmpty())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** The URL's form: absolute http(s), a host, no user information, at most 2000 characters. */
  public static URI parse(String field, String url) {
    if (url == null || url.isBlank() || url.length() > 2000) {
      throw new DomainException.InvalidValue(
          field, "an http or https URL of up to 2000 characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new DomainException.InvalidValue(field, "not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new DomainException.InvalidValue(field, "only http and https URLs are allowed");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new DomainException.InvalidValue(field, "the URL needs a host name");
    }
    if (uri.getRawUserInfo() != null) {
      throw new DomainException.InvalidValue(field, "the URL must not carry a user or password");
    }
    if (uri.getRawFragment() != null) {
      throw new DomainException.InvalidValue(field, "the URL must not have a fragment");
    }
    return uri;
  }

  /**
   * Refuses the URL unless every address its host resolves to is public, or the host is one of
   * {@code privateHosts} ({@code *}: any); an unknown host is refused too.
   */
  public static void check(
      String field, URI uri, Resolver resolver, java.util.Set<String> privateHosts) {
    List<InetAddress> addresses;
    try {
      String host = uri.getHost();
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new DomainException.InvalidValue(field, "the receiver's host name does not resolve");
    }
    if (addresses.isEmpty()) {
      throw new DomainException.InvalidValue(field, "the receiver's host name does not resolve");
    }
    if (privateHosts.contains("*")
        || privateHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      return;
    }
    for (InetAddress address : addresses) {
      if (internal(address)) {
        throw new DomainException.InvalidValue(
            field, "the receiver must be on the public internet, not a private or local address");
      }
    }
  }

  /** Loopback, private, link-local, CGNAT, unique-local, multicast or unspecified. */
  public static boolean internal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 0/8 "this network", 100.64/10 carrier-grade NAT, 198.18/15 benchmarking, 240/4 reserved.
      return first == 0
          || (first == 100 && second >= 64 && second <= 127)
          || (first == 198 && (second == 18 || second == 19))
          || first >= 240;
    }
    if (address instanceof Inet6Address) {
      // fc00::/7 unique local addresses; IPv4-mapped addresses are judged as their IPv4 form.
      if ((b[0] & 0xfe) == 0xfc) {
        return true;
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
