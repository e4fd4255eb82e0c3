package io.proxima.hiring.domain;

import io.proxima.platform.text.Texts;
import java.time.Instant;
import java.util.UUID;

/** A staff member's internal note on an application; the freelancer never sees notes. */
public record ApplicationNote(
    UUID id, UUID applicationId, String author, String body, Instant writtenAt) {

  public static final int BODY_LIMIT = 4000;

  public ApplicationNote {
    body = Texts.required(body, "body", BODY_LIMIT);
  }
}
