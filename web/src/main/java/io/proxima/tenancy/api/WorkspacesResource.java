package io.proxima.tenancy.api;

import io.proxima.platform.rest.ClientUris;
import io.proxima.tenancy.api.TenantViews.WorkspaceView;
import io.proxima.tenancy.application.TenantPeople;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Company workspaces inside an agency tenant. */
@Path("/v1/workspaces")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspacesResource {

  public record NewWorkspace(
      @NotBlank @Size(max = 120) @Schema(required = true, example = "株式会社サンプル商事") String name) {}

  @Inject TenantPeople people;
  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @GET
  public List<WorkspaceView> workspaces() {
    return people.workspaces().stream().map(WorkspaceView::of).toList();
  }

  @GET
  @Path("{workspaceId}")
  public WorkspaceView workspace(@PathParam("workspaceId") UUID workspaceId) {
    return WorkspaceView.of(people.workspace(workspaceId));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response open(@NotNull @Valid NewWorkspace body) {
    WorkspaceView workspace = WorkspaceView.of(people.openWorkspace(body.name()));
    return Response.created(
            ClientUris.absolutePath(request, uri).path(workspace.id().toString()).build())
        .entity(workspace)
        .build();
  }
}
