package io.proxima.platform.rest;

import java.util.List;

/**
 * Which requests are a browser's deep link into a single-page front end (a bookmark or a reload of
 * {@code /jobs/42}), to be answered with its {@code index.html}: a GET asking for HTML, for a path
 * without a file extension that none of the WAR's own paths claims. Shared by the portal's and the
 * console's page filters; each names its own paths.
 */
public final class FrontEndPages {

  private FrontEndPages() {}

  public static boolean isPage(String method, String accept, String path, List<String> notPages) {
    if (!"GET".equals(method) || path == null || path.isEmpty() || "/".equals(path)) {
      return false;
    }
    if (accept == null || !accept.contains("text/html")) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".") && notPages.stream().noneMatch(path::startsWith);
  }
}
