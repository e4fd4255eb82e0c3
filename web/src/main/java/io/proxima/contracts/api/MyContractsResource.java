package io.proxima.contracts.api;

import static io.proxima.contracts.api.ContractViews.expected;
import static io.proxima.contracts.api.ContractViews.month;
import static io.proxima.contracts.api.ContractViews.sha;
import static io.proxima.platform.rest.RequestBodies.required;
import static io.proxima.web.QueryParameters.limit;

import io.proxima.contracts.api.ContractViews.ContractView;
import io.proxima.contracts.api.ContractViews.DossierView;
import io.proxima.contracts.api.ContractViews.ReportRequest;
import io.proxima.contracts.api.ContractViews.SignRequest;
import io.proxima.contracts.api.ContractViews.TimeReportView;
import io.proxima.contracts.api.ContractViews.VersionRequest;
import io.proxima.contracts.application.Contracting;
import io.proxima.web.Downloads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A freelancer's own contracts in every tenant: read, sign, and report hours. */
@Path("/v1/me/contracts")
@RequestScoped
@RolesAllowed("proxima-user")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MyContractsResource {

  @Inject Contracting contracting;

  @GET
  @Operation(summary = "My contracts, most recently changed first")
  public List<ContractView> mine(@QueryParam("limit") String limit) {
    return contracting.mine(limit(limit, 50)).stream().map(ContractView::of).toList();
  }

  @GET
  @Path("{contractId}")
  @Operation(summary = "One of my contracts with its trail and time reports")
  public DossierView contract(@PathParam("contractId") UUID id) {
    return DossierView.of(contracting.myContract(id));
  }

  @GET
  @Path("{contractId}/document.pdf")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  @Operation(summary = "The contract document to read before signing")
  public Response document(@PathParam("contractId") UUID id) {
    return Downloads.pdf(contracting.myDocument(id), "contract-" + id);
  }

  @POST
  @Path("{contractId}/sign")
  @Operation(summary = "Sign the document whose SHA-256 is given (click to sign)")
  public DossierView sign(@PathParam("contractId") UUID id, SignRequest request) {
    return DossierView.of(contracting.signAsFreelancer(id, sha(request)));
  }

  @PUT
  @Path("{contractId}/time-reports/{month}")
  @Operation(summary = "Write a month's hours (total, or per day); expectedVersion 0 for a new one")
  public TimeReportView write(
      @PathParam("contractId") UUID id, @PathParam("month") String month, ReportRequest request) {
    ReportRequest report = required(request);
    return TimeReportView.of(
        contracting.writeReport(
            id,
            month(month),
            report.hours(),
            report.workDays(),
            report.remark(),
            expected(report.expectedVersion())));
  }

  @POST
  @Path("{contractId}/time-reports/{month}/submit")
  @Operation(summary = "Submit a month's hours for approval")
  public TimeReportView submit(
      @PathParam("contractId") UUID id, @PathParam("month") String month, VersionRequest request) {
    return TimeReportView.of(
        contracting.submitReport(id, month(month), expected(required(request).expectedVersion())));
  }
}
