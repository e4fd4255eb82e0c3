package io.proxima.tenancy.domain;

import io.proxima.platform.error.DomainException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a tenant's portal and login page look: its name, logo and colours, and the host names its
 * portal answers on. Colours are {@code #rrggbb}; the logo is an https URL (or http on localhost).
 */
public record Branding(
    String displayName,
    String logoUrl,
    String primaryColor,
    String accentColor,
    List<String> hostNames) {

  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final Pattern HOST =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
  public static final String DEFAULT_PRIMARY = "#1f4fd1";
  public static final String DEFAULT_ACCENT = "#f28c28";

  public Branding {
    if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
      throw new DomainException.InvalidValue(
          "displayName", "display name is required, at most 120 characters");
    }
    displayName = displayName.strip();
    primaryColor = color(primaryColor, DEFAULT_PRIMARY, "primaryColor");
    accentColor = color(accentColor, DEFAULT_ACCENT, "accentColor");
    if (logoUrl != null && !logoUrl.isBlank()) {
      logoUrl = logoUrl.strip();
      if (logoUrl.length() > 2048 || !isSafeUrl(logoUrl)) {
        throw new DomainException.InvalidValue("logoUrl", "logo must be an https URL");
      }
    } else {
      logoUrl = null;
    }
    hostNames =
        hostNames == null
            ? List.of()
            : hostNames.stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    for (String host : hostNames) {
      if (!HOST.matcher(host).matches()) {
        throw new DomainException.InvalidValue("hostNames", "not a host name: " + host);
      }
    }
    if (hostNames.size() > 10) {
      throw new DomainException.InvalidValue("hostNames", "at most 10 host names");
    }
  }

  public static Branding named(String displayName) {
    return new Branding(displayName, null, null, null, List.of());
  }

  private static String color(String value, String fallback, String what) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    if (!COLOR.matcher(value.strip()).matches()) {
      throw new DomainException.InvalidValue(what, what + " must be #rrggbb");
    }
    return value.strip().toLowerCase(Locale.ROOT);
  }

  private static boolean isSafeUrl(String value) {
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (host == null || uri.getUserInfo() != null) {
        return false;
      }
      return "https".equals(scheme)
          || ("http".equals(scheme) && (host.equals("localhost") || host.equals("127.0.0.1")));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
