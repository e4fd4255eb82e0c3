package io.proxima.platform.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * URIs as the client addressed them. The edge serves {@code /t/{slug}/api/…} by forwarding to
 * {@code /api/…} (a servlet forward, see {@code TenantPathFilter}), so what JAX-RS and the
 * forwarded request report — {@link UriInfo#getRequestUri()}, {@link UriInfo#getAbsolutePath()},
 * {@link HttpServletRequest#getRequestURI()} — lacks the tenant's prefix, and a link or problem
 * {@code instance} built from them points at the wrong place. The container keeps the path the
 * client sent in {@link RequestDispatcher#FORWARD_REQUEST_URI}; every URI built from the request
 * starts from here instead.
 */
public final class ClientUris {

  private ClientUris() {}

  /**
   * The raw (still encoded) path the client requested, without query: {@code
   * /t/acme/api/v1/workspaces} for a request the edge forwarded, the request's own path otherwise.
   * Null only when there is no request to read (outside a request).
   */
  public static String path(HttpServletRequest request, UriInfo uri) {
    if (request != null) {
      try {
        if (request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) instanceof String sent
            && !sent.isEmpty()) {
          return sent;
        }
        String own = request.getRequestURI();
        if (own != null) {
          return own;
        }
      } catch (IllegalStateException recycled) {
        // An answer given after the container recycled the request: fall back to JAX-RS's view.
      }
    }
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }

  /**
   * The absolute URI of the requested resource as the client addressed it (scheme, host and port of
   * the request, the client's path, no query): the base for a {@code Location}.
   */
  public static UriBuilder absolutePath(HttpServletRequest request, UriInfo uri) {
    String path = path(request, uri);
    UriBuilder builder = UriBuilder.fromUri(uri.getRequestUri()).replaceQuery(null).fragment(null);
    return path == null ? builder : builder.replacePath(path);
  }
}
