/** Dates for the one-click choices, in the freelancer's own calendar (local time). */
export function isoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The first day of next month: when most engagements in this market start. */
export function firstOfNextMonth(today: Date): string {
  return isoDate(new Date(today.getFullYear(), today.getMonth() + 1, 1));
}

/** The Monday after today (a week from today when today is a Monday). */
export function nextMonday(today: Date): string {
  const days = ((8 - today.getDay()) % 7) || 7;
  return isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + days));
}
