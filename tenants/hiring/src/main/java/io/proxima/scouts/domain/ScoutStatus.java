package io.proxima.scouts.domain;

/** Where a scout stands: sent and unanswered, or answered by the freelancer. */
public enum ScoutStatus {
  SENT,
  ACCEPTED,
  DECLINED
}
