package io.proxima.profile.domain;

/**
 * The profile as a document the freelancer takes anywhere: JSON Resume with Proxima's extension
 * block, lossless both ways, and a printable Japanese skill sheet.
 */
public interface PortableProfile {

  String toJson(Profile profile);

  /**
   * @param subject who the imported profile belongs to; the document never decides that
   */
  Profile fromJson(String subject, String json);

  byte[] toPdf(Profile profile);
}
