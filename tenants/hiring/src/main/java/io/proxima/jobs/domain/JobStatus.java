package io.proxima.jobs.domain;

/** Where a job is in its life: only open jobs are seen outside the tenant. */
public enum JobStatus {
  DRAFT,
  OPEN,
  CLOSED
}
