package io.proxima.contracts.domain;

/** The two sides that sign: the client (the tenant's staff sign for it) and the freelancer. */
public enum Party {
  CLIENT,
  FREELANCER
}
