package io.proxima.availability.domain;

/** Where the work happens: fully remote, partly on site, or on site (常駐). */
public enum WorkStyle {
  REMOTE,
  HYBRID,
  ON_SITE
}
