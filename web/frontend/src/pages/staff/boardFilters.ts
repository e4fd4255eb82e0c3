import type { Availability } from "../../types";

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
