package io.proxima.web.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local and path-based tenant addressing: {@code /t/acme/api/v1/…} is served as {@code /api/v1/…}
 * with the slug {@code acme} kept as a request attribute for the tenancy filter; {@code
 * /t/acme/board} is the portal's single-page front end, whose router reads the rest of the path;
 * {@code /t/acme/assets/…} are its built files.
 *
 * <p>Nothing else under a tenant's path is served. An internal forward skips the container's
 * protection of {@code WEB-INF/} and {@code META-INF/}, so this filter never forwards a path it has
 * not recognised as one of the three above, and refuses outright any path that a server could read
 * in more than one way (dot segments, encoded slashes or dots, backslashes, path parameters, empty
 * segments, control characters): such a path has no legitimate use here.
 */
@WebFilter(urlPatterns = "/t/*", asyncSupported = true)
public class TenantPathFilter extends HttpFilter {

  public static final String SLUG_ATTRIBUTE = "io.proxima.tenant.slug";

  // The form of TenantSlug: anything else names no tenant, so it is not worth a lookup.
  private static final Pattern TENANT_PATH =
      Pattern.compile("/t/([a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9])(/.*)?");
  private static final Pattern API = Pattern.compile("/api/[A-Za-z0-9._~!$&'()*+,=:@/%-]*");
  private static final Pattern ASSET = Pattern.compile("/assets/[A-Za-z0-9_-][A-Za-z0-9._-]*");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String uri = request.getRequestURI();
    String path = uri == null ? "" : uri.substring(request.getContextPath().length());
    Matcher matcher = TENANT_PATH.matcher(path);
    if (!matcher.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String rest = matcher.group(2) == null ? "/" : matcher.group(2);
    if (ambiguous(rest)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String target = target(request, rest);
    if (target == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    request.setAttribute(SLUG_ATTRIBUTE, matcher.group(1));
    request.getRequestDispatcher(target).forward(request, response);
  }

  /** Where a tenant path is served from, or null when it is none of the application's. */
  private static String target(HttpServletRequest request, String rest) {
    if (API.matcher(rest).matches()) {
      String query = request.getQueryString();
      return query == null ? rest : rest + "?" + query;
    }
    if (ASSET.matcher(rest).matches()) {
      return rest;
    }
    if ("/".equals(rest) || PortalPages.INDEX.equals(rest) || PortalPages.isPage(request, rest)) {
      return PortalPages.INDEX;
    }
    return null;
  }

  /**
   * Whether a raw (still encoded) path could mean something other than what it spells: the forms
   * used to climb out of a directory or to slip past a prefix check.
   */
  static boolean ambiguous(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("//")
        || lower.contains("\\")
        || lower.contains(";")
        || lower.contains("%2e")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("%00")
        || lower.contains("%25")
        || lower.contains("web-inf")
        || lower.contains("meta-inf")) {
      return true;
    }
    for (int i = 0; i < rawPath.length(); i++) {
      if (rawPath.charAt(i) < 0x20 || rawPath.charAt(i) == 0x7f) {
        return true;
      }
    }
    for (String segment : rawPath.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
