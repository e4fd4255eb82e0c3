package io.proxima.jobs.api;

import static io.proxima.web.QueryParameters.bool;
import static io.proxima.web.QueryParameters.date;
import static io.proxima.web.QueryParameters.enums;
import static io.proxima.web.QueryParameters.integer;
import static io.proxima.web.QueryParameters.limit;
import static io.proxima.web.QueryParameters.list;
import static io.proxima.web.QueryParameters.oneOf;

import io.proxima.availability.domain.WorkStyle;
import io.proxima.jobs.domain.Culture;
import io.proxima.jobs.domain.JobQuery;
import io.proxima.jobs.domain.JobStatus;
import io.proxima.profile.domain.ContractType;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** A job search in the query string; lists are comma-separated or repeated. */
public class JobSearchParameters {

  @QueryParam("q")
  String text;

  @QueryParam("skill")
  List<String> skills;

  @QueryParam("rateAtLeast")
  String rateAtLeast;

  @QueryParam("rateAtMost")
  String rateAtMost;

  @QueryParam("taxIncluded")
  String taxIncluded;

  @QueryParam("settlementMinAtLeast")
  String settlementMinAtLeast;

  @QueryParam("settlementMaxAtMost")
  String settlementMaxAtMost;

  @QueryParam("days")
  String days;

  @QueryParam("workStyle")
  List<String> workStyles;

  @QueryParam("location")
  String location;

  @QueryParam("startBy")
  String startBy;

  @QueryParam("durationAtLeast")
  String durationAtLeast;

  @QueryParam("durationAtMost")
  String durationAtMost;

  @QueryParam("contractType")
  List<String> contractTypes;

  @QueryParam("trial")
  String trial;

  @QueryParam("paymentTermsAtMost")
  String paymentTermsAtMost;

  @QueryParam("culture")
  List<String> cultures;

  @QueryParam("status")
  List<String> statuses;

  @QueryParam("tenant")
  String tenant;

  @QueryParam("sort")
  String sort;

  @QueryParam("cursor")
  String cursor;

  @QueryParam("limit")
  String limit;

  JobQuery toQuery() {
    return new JobQuery(
        text,
        list(skills),
        integer("rateAtLeast", rateAtLeast),
        integer("rateAtMost", rateAtMost),
        bool("taxIncluded", taxIncluded),
        integer("settlementMinAtLeast", settlementMinAtLeast),
        integer("settlementMaxAtMost", settlementMaxAtMost),
        integer("days", days),
        enums("workStyle", WorkStyle.class, workStyles),
        location,
        date("startBy", startBy),
        integer("durationAtLeast", durationAtLeast),
        integer("durationAtMost", durationAtMost),
        enums("contractType", ContractType.class, contractTypes),
        bool("trial", trial),
        integer("paymentTermsAtMost", paymentTermsAtMost),
        enums("culture", Culture.class, cultures),
        enums("status", JobStatus.class, statuses),
        tenant == null || tenant.isBlank() ? null : tenant.strip(),
        oneOf("sort", JobQuery.Sort.class, sort),
        cursor == null || cursor.isBlank() ? null : cursor.strip(),
        limit(limit, 20));
  }
}
