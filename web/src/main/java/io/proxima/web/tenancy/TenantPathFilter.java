package io.proxima.web.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local and path-based tenant addressing: {@code /t/acme/api/v1/…} is served as {@code /api/v1/…}
 * with the slug {@code acme} kept as a request attribute for the tenancy filter. Any other page
 * under the tenant's path ({@code /t/acme/board}) is the portal's single-page front end, whose
 * router reads the rest of the path.
 */
@WebFilter(urlPatterns = "/t/*", asyncSupported = true)
public class TenantPathFilter extends HttpFilter {

  public static final String SLUG_ATTRIBUTE = "io.proxima.tenant.slug";
  private static final Pattern TENANT_PATH = Pattern.compile("/t/([^/]{1,64})(/.*)?");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher matcher = TENANT_PATH.matcher(path);
    if (!matcher.matches()) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(SLUG_ATTRIBUTE, matcher.group(1));
    String rest = matcher.group(2) == null ? "/" : matcher.group(2);
    if (PortalPages.isPage(request, rest)) {
      request.getRequestDispatcher(PortalPages.INDEX).forward(request, response);
      return;
    }
    String query = request.getQueryString();
    request
        .getRequestDispatcher(query == null ? rest : rest + "?" + query)
        .forward(request, response);
  }
}
