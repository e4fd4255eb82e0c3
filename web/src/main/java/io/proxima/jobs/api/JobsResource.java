package io.proxima.jobs.api;

import static io.proxima.platform.rest.RequestBodies.required;

import io.proxima.jobs.api.JobViews.JobEdit;
import io.proxima.jobs.api.JobViews.JobView;
import io.proxima.jobs.api.JobViews.TemplateEdit;
import io.proxima.jobs.api.JobViews.TemplateView;
import io.proxima.jobs.api.JobViews.VersionedChange;
import io.proxima.jobs.application.JobBoard;
import io.proxima.jobs.domain.JobDetails;
import io.proxima.jobs.domain.JobSearch;
import io.proxima.platform.rest.RateLimit;
import io.proxima.web.tenancy.ApiKeyArea;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The tenant's jobs and job templates, for its staff. */
@Path("/v1")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@ApiKeyArea("jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobsResource {

  @Inject JobBoard board;

  @RateLimit("search")
  @GET
  @Path("jobs")
  @Operation(summary = "Search the tenant's jobs in every state, with facets and a cursor")
  public JobSearch.Result search(@BeanParam JobSearchParameters parameters) {
    return board.searchOwn(parameters.toQuery());
  }

  @POST
  @Path("jobs")
  @Operation(summary = "Draft a job")
  public Response draft(JobDetails details) {
    return Response.status(Response.Status.CREATED)
        .entity(JobView.of(board.draft(required(details))))
        .build();
  }

  @GET
  @Path("jobs/{jobId}")
  @Operation(summary = "One of the tenant's jobs")
  public JobView job(@PathParam("jobId") UUID id) {
    return JobView.of(board.job(id));
  }

  @PUT
  @Path("jobs/{jobId}")
  @Operation(summary = "Edit a draft or open job; refused on a stale version")
  public JobView revise(@PathParam("jobId") UUID id, JobEdit edit) {
    JobEdit body = required(edit);
    return JobView.of(
        board.revise(id, required(body.details(), "details"), body.expectedVersion()));
  }

  @DELETE
  @Path("jobs/{jobId}")
  @Operation(summary = "Delete a draft")
  public Response delete(@PathParam("jobId") UUID id) {
    board.deleteDraft(id);
    return Response.noContent().build();
  }

  @POST
  @Path("jobs/{jobId}/publish")
  @Operation(summary = "Open the job to freelancers (within the plan's open jobs)")
  public JobView publish(@PathParam("jobId") UUID id, VersionedChange change) {
    return JobView.of(board.publish(id, required(change).expectedVersion()));
  }

  @POST
  @Path("jobs/{jobId}/close")
  @Operation(summary = "Close an open job")
  public JobView close(@PathParam("jobId") UUID id, VersionedChange change) {
    return JobView.of(board.close(id, required(change).expectedVersion()));
  }

  @GET
  @Path("job-templates")
  @Operation(summary = "The tenant's job templates")
  public List<TemplateView> templates() {
    return board.templates().stream().map(TemplateView::of).toList();
  }

  @POST
  @Path("job-templates")
  @Operation(summary = "Save a new job template")
  public Response createTemplate(TemplateEdit edit) {
    TemplateEdit body = required(edit);
    return Response.status(Response.Status.CREATED)
        .entity(
            TemplateView.of(
                board.saveTemplate(null, body.name(), required(body.details(), "details"))))
        .build();
  }

  @GET
  @Path("job-templates/{templateId}")
  public TemplateView template(@PathParam("templateId") UUID id) {
    return TemplateView.of(board.template(id));
  }

  @PUT
  @Path("job-templates/{templateId}")
  @Operation(summary = "Rename or change a job template")
  public TemplateView updateTemplate(@PathParam("templateId") UUID id, TemplateEdit edit) {
    TemplateEdit body = required(edit);
    return TemplateView.of(
        board.saveTemplate(id, body.name(), required(body.details(), "details")));
  }

  @DELETE
  @Path("job-templates/{templateId}")
  public Response deleteTemplate(@PathParam("templateId") UUID id) {
    board.deleteTemplate(id);
    return Response.noContent().build();
  }

  @POST
  @Path("job-templates/{templateId}/jobs")
  @Operation(summary = "Draft a job from a template")
  public Response draftFromTemplate(@PathParam("templateId") UUID id) {
    return Response.status(Response.Status.CREATED)
        .entity(JobView.of(board.draftFromTemplate(id)))
        .build();
  }
}
