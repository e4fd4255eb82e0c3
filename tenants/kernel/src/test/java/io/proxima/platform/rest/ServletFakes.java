package io.proxima.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A request and response just real enough for the filters, outside a container. */
public final class ServletFakes {

  private ServletFakes() {}

  /** A synchronous request to {@code uri} from the local host, keeping its attributes. */
  public static HttpServletRequest request(String method, String uri) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ServletFakes.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, called, args) ->
                switch (called.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "getMethod" -> method;
                  case "getRequestURI" -> uri;
                  case "getRemoteAddr" -> "127.0.0.1";
                  case "isAsyncStarted" -> false;
                  default -> null;
                });
  }

  /** A response that takes every header and says 200. */
  public static HttpServletResponse response() {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            ServletFakes.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, called, args) -> "getStatus".equals(called.getName()) ? 200 : null);
  }
}
