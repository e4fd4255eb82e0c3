/**
 * The name the export archive is saved under: the server's own name for it (Content-Disposition,
 * which a fetched blob does not carry), `proxima-export-<date>.zip` with the date in Japan.
 */
export function exportFileName(now: Date): string {
  // en-CA formats as YYYY-MM-DD; the time zone makes it Japan's day, as the server names it.
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return `proxima-export-${day}.zip`;
}
