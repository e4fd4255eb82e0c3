package io.proxima.console;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the console's front end signs in: the issuer and the console's public client, read from
 * configuration so each deployment uses its own Keycloak rather than one baked into the build.
 *
 * <p>A page's boot settings, not an API operation, so it lives beside the page ({@code
 * /admin/sign-in.json}) rather than under the console's API ({@code /api/v1/platform/}): every
 * console API operation is for platform admins only, and the tenant-isolation test holds the whole
 * API to that. This is the one thing the page needs before anyone is signed in, and it holds
 * nothing a login page does not.
 */
@WebServlet("/admin/sign-in.json")
public class SignInConfig extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var config = ConfigProvider.getConfig();
    String body =
        Json.createObjectBuilder()
            .add("issuer", config.getValue("proxima.oidc.issuer", String.class))
            .add(
                "clientId",
                config
                    .getOptionalValue("proxima.console.client-id", String.class)
                    .orElse("proxima-console"))
            .build()
            .toString();
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-cache");
    response.getWriter().write(body);
  }
}
