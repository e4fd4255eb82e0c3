package io.proxima.profile.domain;

/**
 * Reads the text out of an uploaded skill sheet (PDF, Word, Excel, Markdown, plain text), within
 * size, page and time limits; hostile or broken files are refused with a problem the freelancer can
 * act on.
 */
public interface SkillSheetReader {

  SkillSheetText read(byte[] content, String fileName, String declaredType);
}
