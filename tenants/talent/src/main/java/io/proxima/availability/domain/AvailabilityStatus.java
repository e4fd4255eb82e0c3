package io.proxima.availability.domain;

/** Whether a freelancer can take on work: now, from a date, or not at all for now. */
public enum AvailabilityStatus {
  AVAILABLE,
  AVAILABLE_FROM,
  UNAVAILABLE
}
