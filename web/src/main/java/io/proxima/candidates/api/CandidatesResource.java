package io.proxima.candidates.api;

import static io.proxima.web.QueryParameters.date;
import static io.proxima.web.QueryParameters.enums;
import static io.proxima.web.QueryParameters.integer;
import static io.proxima.web.QueryParameters.limit;
import static io.proxima.web.QueryParameters.list;
import static io.proxima.web.QueryParameters.oneOf;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.candidates.application.CandidateSearch;
import io.proxima.candidates.domain.CandidatePool;
import io.proxima.candidates.domain.CandidateQuery;
import io.proxima.platform.rest.RateLimit;
import io.proxima.web.tenancy.ApiKeyArea;
import io.proxima.web.tenancy.TenantScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Search among the freelancers who share with the tenant. */
@Path("/v1/candidates")
@RequestScoped
@RolesAllowed("proxima-user")
@TenantScoped
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@ApiKeyArea("candidates")
@Produces(MediaType.APPLICATION_JSON)
public class CandidatesResource {

  @Inject CandidateSearch search;

  @RateLimit("search")
  @GET
  @Operation(
      summary = "Search sharing freelancers by text, skills, rate, days, style, availability")
  public CandidatePool.Result search(
      @QueryParam("q") String text,
      @QueryParam("skill") List<String> skills,
      @QueryParam("rateBudget") String rateBudget,
      @QueryParam("days") String days,
      @QueryParam("workStyle") List<String> workStyles,
      @QueryParam("location") String location,
      @QueryParam("availableBy") String availableBy,
      @QueryParam("sort") String sort,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit) {
    return search.search(
        new CandidateQuery(
            text,
            list(skills),
            integer("rateBudget", rateBudget),
            integer("days", days),
            enums("workStyle", WorkStyle.class, workStyles),
            location,
            date("availableBy", availableBy),
            oneOf("sort", CandidateQuery.Sort.class, sort),
            cursor == null || cursor.isBlank() ? null : cursor,
            limit(limit, 20)));
  }
}
