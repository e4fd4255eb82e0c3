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
 * reload) are answered with its {@code index.html}; the API, OpenAPI, health and the built assets
 * keep their own paths, so an unknown API path still answers 404 with a problem document. Only
 * browsers asking for HTML get the page: a script's GET of a wrong path keeps its 404.
 */
public class ConsolePages extends HttpFilter {

  static final String INDEX = "/index.html";
  private static final List<String> NOT_PAGES =
      List.of("/api/", "/openapi", "/health", "/assets/", "/problem-error");

  static boolean isPage(String method, String accept, String path) {
    return FrontEndPages.isPage(method, accept, path, NOT_PAGES);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isPage(request.getMethod(), request.getHeader("Accept"), path)) {
      request.getRequestDispatcher(INDEX).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
