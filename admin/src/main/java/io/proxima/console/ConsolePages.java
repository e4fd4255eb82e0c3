package io.proxima.console;

import io.proxima.platform.rest.FrontEndPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Deep links into the console's single-page front end ({@code /admin/tenants/acme}, a bookmark or a
 * reload) are answered with its {@code index.html}; the built assets keep their own paths. Only
 * browsers asking for HTML get the page: a script's GET of a wrong path keeps its 404.
 *
 * <p>The console's front end is served by the portal WAR from this jar's {@code
 * META-INF/resources/admin/}; the filter is mapped to {@code /admin/*} in the portal's {@code
 * web.xml}. Paths are taken relative to {@code /admin}. {@code /admin/api/} stays a 404 rather than
 * the page: the console's API lives at {@code /api/v1/platform/} since the console joined the
 * portal's WAR, and a client still calling the old address should learn that.
 */
public class ConsolePages extends HttpFilter {

  /** Where the console is served, inside the portal WAR. */
  public static final String ROOT = "/admin";

  static final String INDEX = ROOT + "/index.html";
  private static final List<String> NOT_PAGES = List.of("/api/", "/assets/");

  static boolean isPage(String method, String accept, String path) {
    return FrontEndPages.isPage(method, accept, path, NOT_PAGES);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(ROOT + "/")
        && isPage(
            request.getMethod(), request.getHeader("Accept"), path.substring(ROOT.length()))) {
      request.getRequestDispatcher(INDEX).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
