package io.proxima.platform.rest;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The browser-side walls every response carries, pages and API answers alike (an API answer opened
 * in a tab is a page too): a content security policy that runs only the WAR's own built scripts and
 * talks only to this origin and the identity provider, no framing, no MIME sniffing, no referrer
 * beyond the origin, and no access to devices the product never uses.
 */
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  private String contentSecurityPolicy;

  @Override
  public void init(FilterConfig config) {
    String issuer =
        ConfigProvider.getConfig(SecurityHeadersFilter.class.getClassLoader())
            .getOptionalValue("proxima.oidc.issuer", String.class)
            .orElse("");
    contentSecurityPolicy = contentSecurityPolicy(originOf(issuer));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", contentSecurityPolicy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    response.setHeader(
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
    chain.doFilter(request, response);
  }

  /**
   * Scripts and styles come from the WAR's own built files only; keycloak-js calls the identity
   * provider's token endpoint (connect-src) and signs in by navigating there (form-action for its
   * own forms' posts back); tenant logos may live on any HTTPS host. Frames show the page's own
   * object URLs (a contract's PDF, fetched with the bearer token an iframe cannot send, previewed
   * inline) and Stripe's. The one outside script is Stripe.js, which Stripe requires be loaded from
   * js.stripe.com: its card form runs in Stripe's frames and talks to api.stripe.com, the origins
   * Stripe documents for a CSP.
   */
  static String contentSecurityPolicy(String identityProviderOrigin) {
    String idp = identityProviderOrigin.isEmpty() ? "" : " " + identityProviderOrigin;
    return "default-src 'self'; script-src 'self' "
        + STRIPE_JS
        + "; style-src 'self'; img-src 'self' data: https:;"
        + " font-src 'self' data:; connect-src 'self' https://api.stripe.com"
        + idp
        + "; form-action 'self'"
        + idp
        + "; frame-src blob: "
        + STRIPE_JS
        + " https://hooks.stripe.com; frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
  }

  private static final String STRIPE_JS = "https://js.stripe.com";

  static String originOf(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "";
      }
      return uri.getScheme()
          + "://"
          + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
