package io.proxima.profile.domain;

/**
 * Turns the text of a skill sheet into a draft profile. A port: the rule-based parser shipped today
 * can be replaced by a stronger model without touching the review flow.
 */
public interface SkillSheetParser {

  /**
   * @param text the sheet's text as extracted from the file (cells of a spreadsheet separated by
   *     tabs, one row per line)
   */
  SkillSheetDraft parse(String text);
}
