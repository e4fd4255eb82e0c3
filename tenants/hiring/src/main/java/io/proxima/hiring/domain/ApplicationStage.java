package io.proxima.hiring.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands. Staff move it forward or reject it; only the freelancer withdraws.
 * Screening is optional (a small agency interviews straight away), and so is a trial period (お試し期間)
 * after the offer.
 */
public enum ApplicationStage {
  APPLIED,
  SCREENING,
  INTERVIEW,
  OFFER,
  TRIAL,
  CONTRACTED,
  REJECTED,
  WITHDRAWN;

  public boolean isFinal() {
    return this == CONTRACTED || this == REJECTED || this == WITHDRAWN;
  }

  /** The stages the tenant's staff may move an application to from this one. */
  public Set<ApplicationStage> staffMoves() {
    switch (this) {
      case APPLIED:
        return EnumSet.of(SCREENING, INTERVIEW, REJECTED);
      case SCREENING:
        return EnumSet.of(INTERVIEW, REJECTED);
      case INTERVIEW:
        return EnumSet.of(OFFER, REJECTED);
      case OFFER:
        return EnumSet.of(TRIAL, CONTRACTED, REJECTED);
      case TRIAL:
        return EnumSet.of(CONTRACTED, REJECTED);
      default:
        return EnumSet.noneOf(ApplicationStage.class);
    }
  }

  /** Before an interview is agreed: accepting one moves the application to INTERVIEW. */
  public boolean beforeInterview() {
    return this == APPLIED || this == SCREENING;
  }
}
