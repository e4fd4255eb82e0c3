package io.proxima.profile.domain;

/**
 * The text of an uploaded skill sheet.
 *
 * @param text spreadsheet rows one a line with cells separated by tabs; other formats as lines of
 *     text
 * @param mediaType the type detected from the bytes, e.g. {@code application/pdf}
 * @param pages the page count the file states (PDF, Word when saved by Word); 0 when it has none
 */
public record SkillSheetText(String text, String mediaType, int pages) {}
