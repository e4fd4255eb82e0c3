package io.proxima.jobs.domain;

/** What kind of organisation the work is for; freelancers filter on it as much as on rate. */
public enum Culture {
  STARTUP,
  SCALEUP,
  ENTERPRISE,
  /** システムインテグレーター: large projects, layered subcontracting, formal process. */
  SIER,
  PUBLIC_SECTOR,
  /** Web and creative agencies. */
  AGENCY
}
