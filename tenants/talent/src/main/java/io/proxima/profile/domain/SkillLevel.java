package io.proxima.profile.domain;

/**
 * How well a freelancer knows a skill, on the scale Japanese skill sheets use: ◎ can lead and teach
 * (EXPERT), ○ works alone (ADVANCED), △ works with support (PRACTICAL), studied or used briefly
 * (BASIC).
 */
public enum SkillLevel {
  BASIC,
  PRACTICAL,
  ADVANCED,
  EXPERT
}
