package io.proxima.profile.domain;

/**
 * Reads the text out of an uploaded skill sheet (PDF, Word, Excel, Markdown, plain text), within
 * size, page and time limits; hostile or broken files are refused with a problem the freelancer can
 * act on.
 */
public interface SkillSheetReader {

  SkillSheetText read(byte[] content, String fileName, String declaredType);

  /**
   * As {@link #read(byte[], String, String)}, on behalf of {@code submitter}: a reader that shares
   * its capacity keeps one submitter's sheets from taking all of it.
   */
  default SkillSheetText read(
      byte[] content, String fileName, String declaredType, String submitter) {
    return read(content, fileName, declaredType);
  }
}
