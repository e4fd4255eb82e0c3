package io.proxima.calendar.domain;

import io.proxima.platform.error.DomainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an external calendar is published: an http(s) URL, as calendar apps share them ({@code
 * webcal://} is the same thing with a calendar-app scheme, so it is read as https). Whether the
 * host may be reached at all is decided when it is resolved, not here.
 */
public record CalendarAddress(URI uri) {

  public static final int LENGTH_LIMIT = 2048;

  public CalendarAddress {
    if (uri == null) {
      throw new DomainException.InvalidValue("url", "url is required");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new DomainException.InvalidValue("url", "url must be an http:// or https:// address");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new DomainException.InvalidValue("url", "url needs a host name");
    }
    if (uri.getRawUserInfo() != null) {
      // Credentials in the URL would be stored and shown back in clear; refuse them.
      throw new DomainException.InvalidValue("url", "url must not contain a user name or password");
    }
    if (uri.toString().length() > LENGTH_LIMIT) {
      throw new DomainException.InvalidValue(
          "url", "url is limited to " + LENGTH_LIMIT + " characters");
    }
  }

  public static CalendarAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new DomainException.InvalidValue("url", "url is required");
    }
    String trimmed = text.strip();
    if (trimmed.regionMatches(true, 0, "webcal://", 0, 9)) {
      trimmed = "https://" + trimmed.substring(9);
    }
    try {
      return new CalendarAddress(new URI(trimmed).normalize());
    } catch (URISyntaxException e) {
      throw new DomainException.InvalidValue("url", "url is not a valid address");
    }
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
