package io.proxima.jobs.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The jobs a freelancer marked 気になる; row-level security keeps each person's list their own. */
public interface FavouriteJobs {

  /** Marks the job; marking it again changes nothing. */
  void mark(String freelancerSubject, UUID jobId, Instant at);

  /** False when it was not marked. */
  boolean unmark(String freelancerSubject, UUID jobId);

  /** The ids of the marked jobs, most recently marked first. */
  List<UUID> marked(String freelancerSubject, int limit);
}
