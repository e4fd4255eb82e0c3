import type { Availability } from "../../types";

/** The skills typed into the filter: separated by commas, Japanese commas or spaces. */
export function skillTerms(text: string): string[] {
  return text
    .split(/[,、，\s]+/)
    .map((term) => term.trim().toLowerCase())
    .filter((term) => term.length > 0);
}

/** Whether a freelancer has every skill asked for (case-insensitive, "java" finds "Java 17"). */
export function matchesSkills(skills: string[] | undefined, terms: string[]): boolean {
  if (terms.length === 0) return true;
  const known = (skills ?? []).map((skill) => skill.toLowerCase());
  return terms.every((term) => known.some((skill) => skill.includes(term)));
}

/**
 * Whether a freelancer can start by `date` (yyyy-mm-dd): available now, or available from that
 * day or earlier. No date means no condition.
 */
export function matchesAvailableBy(availability: Availability | null | undefined, date: string) {
  if (!date) return true;
  if (!availability) return false;
  if (availability.status === "AVAILABLE") return true;
  return (
    availability.status === "AVAILABLE_FROM" &&
    !!availability.availableFrom &&
    availability.availableFrom <= date
  );
}
