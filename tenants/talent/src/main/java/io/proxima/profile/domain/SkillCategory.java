package io.proxima.profile.domain;

/** The shelves of the skills taxonomy; search facets and the skill sheet layout group by them. */
public enum SkillCategory {
  LANGUAGE,
  FRAMEWORK,
  CLOUD,
  DATABASE,
  TOOL,
  OS,
  OTHER
}
