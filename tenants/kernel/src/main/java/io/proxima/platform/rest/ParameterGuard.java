package io.proxima.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Path and query parameters obey the same text rule as JSON strings ({@link
 * JsonInput#refusedCharacter}): a {@code %00} in a slug, a month or a search word is a 400 naming
 * the parameter, never a database error. Runs after authentication and the tenancy check, so an
 * outsider still learns nothing but 404.
 */
@Provider
@Priority(Priorities.USER)
public class ParameterGuard implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    UriInfo uri = request.getUriInfo();
    check(uri.getPathParameters(true));
    check(uri.getQueryParameters(true));
  }

  private static void check(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      JsonInput.requireStorableText(parameter.getKey(), parameter.getKey());
      for (String value : parameter.getValue()) {
        JsonInput.requireStorableText(parameter.getKey(), value);
      }
    }
  }
}
