package io.proxima.tenancy.api;

import io.proxima.platform.logging.LogContext;
import io.proxima.platform.rest.ClientUris;
import io.proxima.platform.rest.Problem;
import io.proxima.tenancy.api.TenantViews.SharingTermsView;
import io.proxima.tenancy.domain.ConsentTermsChanged;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A share (or an invitation accepted) on terms that changed since they were shown: 409, and the
 * problem carries the current terms, so the page shows the new purpose and asks again without
 * another round trip.
 */
@Provider
public class ConsentTermsChangedMapper implements ExceptionMapper<ConsentTermsChanged> {

  /** The slug clients switch on. */
  public static final String TYPE = Problem.typeOf("consent-terms-changed");

  /** RFC 9457 problem details with the extension member {@code terms}. */
  @Schema(name = "ConsentTermsChangedProblem")
  public record TermsChangedProblem(
      @Schema(required = true, example = "urn:proxima:problem:consent-terms-changed") String type,
      @Schema(required = true, example = "Conflict") String title,
      @Schema(required = true, example = "409") int status,
      @Schema(required = true) String detail,
      String instance,
      String requestId,
      @Schema(required = true, description = "the terms in force now, to be shown again")
          SharingTermsView terms) {}

  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ConsentTermsChanged changed) {
    return Response.status(Response.Status.CONFLICT)
        .type(Problem.MEDIA)
        .entity(
            new TermsChangedProblem(
                TYPE,
                Response.Status.CONFLICT.getReasonPhrase(),
                Response.Status.CONFLICT.getStatusCode(),
                changed.getMessage(),
                ClientUris.path(request, uri),
                LogContext.requestId().orElse(null),
                SharingTermsView.of(changed)))
        .build();
  }
}
