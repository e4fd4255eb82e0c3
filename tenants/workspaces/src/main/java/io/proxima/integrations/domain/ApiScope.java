package io.proxima.integrations.domain;

import io.proxima.platform.error.DomainException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key may reach: an area of the tenant's API, to read or to change. An operation's area
 * is named on its resource; reading is GET, everything else is writing.
 */
public enum ApiScope {
  JOBS_READ("jobs", false),
  JOBS_WRITE("jobs", true),
  APPLICATIONS_READ("applications", false),
  APPLICATIONS_WRITE("applications", true),
  CANDIDATES_READ("candidates", false),
  SCOUTS_READ("scouts", false),
  SCOUTS_WRITE("scouts", true),
  CONTRACTS_READ("contracts", false),
  INVOICES_READ("invoices", false);

  private final String area;
  private final boolean write;

  ApiScope(String area, boolean write) {
    this.area = area;
    this.write = write;
  }

  /** {@code jobs:read}, {@code applications:write}. */
  public String wireName() {
    return area + (write ? ":write" : ":read");
  }

  public String area() {
    return area;
  }

  public boolean write() {
    return write;
  }

  /** The scope a call to {@code area} with this kind of access needs; none when no key may. */
  public static java.util.Optional<ApiScope> needed(String area, boolean write) {
    return Arrays.stream(values()).filter(s -> s.area.equals(area) && s.write == write).findFirst();
  }

  public static ApiScope ofWireName(String field, String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(s -> s.wireName().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new DomainException.InvalidValue(
                    field,
                    "unknown scope; one of "
                        + Arrays.stream(values())
                            .map(ApiScope::wireName)
                            .collect(Collectors.joining(", "))));
  }

  public static Set<ApiScope> parse(String field, Collection<String> names) {
    if (names == null || names.isEmpty()) {
      throw new DomainException.InvalidValue(field, "a key needs at least one scope");
    }
    EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    int i = 0;
    for (String name : names) {
      scopes.add(ofWireName(field + "[" + i++ + "]", name));
    }
    return scopes;
  }

  /** As stored: wire names, comma separated. */
  public static String join(Set<ApiScope> scopes) {
    return scopes.stream().map(ApiScope::wireName).sorted().collect(Collectors.joining(","));
  }

  public static Set<ApiScope> split(String stored) {
    EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String name : stored.split(",")) {
      if (!name.isBlank()) {
        scopes.add(ofWireName("scopes", name));
      }
    }
    return scopes;
  }
}
