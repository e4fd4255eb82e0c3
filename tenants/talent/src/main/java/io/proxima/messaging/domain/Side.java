package io.proxima.messaging.domain;

/** The two parties of every conversation: the freelancer, and the tenant's staff as one side. */
public enum Side {
  FREELANCER,
  TENANT;

  public Side other() {
    return this == FREELANCER ? TENANT : FREELANCER;
  }
}
