package io.proxima.jobs.api;

import io.proxima.jobs.domain.JobQuery;
import io.proxima.jobs.domain.JobQueryString;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  @QueryParam("prefecture")
  List<String> prefectures;

  @QueryParam("station")
  String station;

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
    Map<String, List<String>> given = new LinkedHashMap<>();
    given.put("q", one(text));
    given.put("skill", skills);
    given.put("rateAtLeast", one(rateAtLeast));
    given.put("rateAtMost", one(rateAtMost));
    given.put("taxIncluded", one(taxIncluded));
    given.put("settlementMinAtLeast", one(settlementMinAtLeast));
    given.put("settlementMaxAtMost", one(settlementMaxAtMost));
    given.put("days", one(days));
    given.put("workStyle", workStyles);
    given.put("location", one(location));
    given.put("prefecture", prefectures);
    given.put("station", one(station));
    given.put("startBy", one(startBy));
    given.put("durationAtLeast", one(durationAtLeast));
    given.put("durationAtMost", one(durationAtMost));
    given.put("contractType", contractTypes);
    given.put("trial", one(trial));
    given.put("paymentTermsAtMost", one(paymentTermsAtMost));
    given.put("culture", cultures);
    given.put("status", statuses);
    given.put("tenant", one(tenant));
    given.put("sort", one(sort));
    given.put("cursor", one(cursor));
    given.put("limit", one(limit));
    return JobQueryString.of(given).toQuery(20);
  }

  private static List<String> one(String value) {
    return value == null ? null : List.of(value);
  }
}
