package io.proxima.notifications.api;

import io.proxima.notifications.application.NotificationCentre;
import io.proxima.notifications.domain.NotificationTexts;
import io.proxima.notifications.domain.UnsubscribeToken;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.mail.MailLayout;
import io.proxima.platform.tenancy.TenancyContext;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The unsubscribe link of every notification mail. Following it shows what it would turn off and a
 * button (mail scanners follow links; only a POST acts); mail clients' own unsubscribe button posts
 * straight here (RFC 8058 one-click). The signed token is the credential, no sign-in.
 */
@Path("/v1/unsubscribe")
@RequestScoped
@PermitAll
public class UnsubscribeResource {

  static final String HTML = "text/html;charset=utf-8";

  /**
   * A page for a browser, whatever the client says it accepts: mail clients posting one-click send
   * no Accept a server can rely on.
   */
  static final String ANYTHING = "*/*";

  @Inject NotificationCentre centre;

  @GET
  @Produces({HTML, "application/problem+json", ANYTHING})
  @Operation(
      summary = "The page an unsubscribe link opens: what it turns off, and a button (public)",
      description = "Changes nothing; 404 for a token that is not genuine.")
  public Response confirm(
      @Parameter(required = true, description = "the token from the mail's link")
          @QueryParam("token")
          String token) {
    NotificationCentre.Unsubscription what = as(token, () -> centre.checkUnsubscribe(token));
    boolean ja = !"en".equals(what.language());
    String kind = NotificationTexts.kindName(what.kind(), what.language());
    return page(
        ja ? "メール配信の停止" : "Unsubscribe",
        ja
            ? "「" + kind + "」のメール通知を停止します。ポータル内の通知は引き続き表示されます。"
            : "This turns off mail for \"" + kind + "\". Notifications in the portal stay on.",
        "<form method=\"post\"><button type=\"submit\" id=\"unsubscribe\">"
            + (ja ? "配信を停止する" : "Unsubscribe")
            + "</button></form>");
  }

  @POST
  @Produces({HTML, "application/problem+json", ANYTHING})
  @Operation(
      summary = "Turn the token's kind off on the mail channel (public, one-click)",
      description =
          "Mail clients post List-Unsubscribe=One-Click here (RFC 8058); the body is not read."
              + " 404 for a token that is not genuine; repeating it changes nothing more.")
  public Response unsubscribe(
      @Parameter(required = true, description = "the token from the mail's link")
          @QueryParam("token")
          String token) {
    NotificationCentre.Unsubscription what = as(token, () -> centre.unsubscribe(token));
    boolean ja = !"en".equals(what.language());
    String kind = NotificationTexts.kindName(what.kind(), what.language());
    return page(
        ja ? "配信を停止しました" : "Unsubscribed",
        ja
            ? "「" + kind + "」のメール通知を停止しました。ポータルの通知設定からいつでも再開できます。"
            : "Mail for \""
                + kind
                + "\" is off. You can turn it on again in your notification settings.",
        "");
  }

  /** In the scope of the person the token names, so only their settings are reachable at all. */
  private static <T> T as(String token, Supplier<T> work) {
    UnsubscribeToken parsed =
        UnsubscribeToken.parse(token)
            .orElseThrow(
                () ->
                    new DomainException.NotFound("This unsubscribe link is not valid (any more)."));
    return TenancyContext.callIn(TenancyContext.self(parsed.subject()), work);
  }

  private static Response page(String title, String text, String form) {
    String html =
        """
        <!doctype html><html><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width,initial-scale=1"><title>%s</title></head>
        <body style="font-family:sans-serif;max-width:560px;margin:48px auto;padding:0 16px;color:#1d2430">
        <h1 style="font-size:20px">%s</h1><p>%s</p>%s</body></html>
        """
            .formatted(
                MailLayout.escape(title), MailLayout.escape(title), MailLayout.escape(text), form);
    return Response.ok(html, HTML)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
