package io.proxima.web.tenancy;

import io.proxima.platform.rest.FrontEndPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Deep links into the portal's single-page front end ({@code /messages}, {@code /t/acme/jobs/42})
 * are answered with its {@code index.html}; the API, sockets, health, OpenAPI and the built assets
 * keep their own paths, so an unknown API path still answers 404 with a problem document. The
 * tenant console's front end under {@code /admin} has a page filter of its own ({@code
 * ConsolePages}).
 */
public class PortalPages extends HttpFilter {

  static final String INDEX = "/index.html";
  private static final List<String> NOT_PAGES =
      List.of(
          "/api/",
          "/ws/",
          "/openapi",
          "/health",
          "/metrics",
          "/assets/",
          "/problem-error",
          "/admin/");

  static boolean isPage(HttpServletRequest request, String path) {
    return !"/admin".equals(path)
        && FrontEndPages.isPage(request.getMethod(), request.getHeader("Accept"), path, NOT_PAGES);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/t/") && isPage(request, path)) {
      request.getRequestDispatcher(INDEX).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
