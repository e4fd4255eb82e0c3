package io.proxima.calendar.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Busy time as stored: which of the freelancer's calendars it came from, and since when it is known
 * (a refresh that finds the same block again keeps that time, so the feed stays stable).
 */
public record BusyBlock(UUID sourceId, BusyInterval interval, Instant importedAt) {}
