import type { BoardEntry } from "../../types";

/** A freelancer as the board shows them: the entry, whether they are online, when it changed. */
export type BoardRow = BoardEntry & { online?: boolean; changedAt?: number };

/**
 * A snapshot arrives in pages: page 0 starts the board over, later pages add to it. A change sent
 * while the pages were still coming may be newer than the page that carries the same freelancer;
 * the higher availability version wins.
 */
export function applySnapshotPage(
  current: Map<string, BoardRow>,
  data: { entries: BoardEntry[]; page?: number },
): Map<string, BoardRow> {
  const first = (data.page ?? 0) === 0;
  const next = first ? new Map<string, BoardRow>() : new Map(current);
  for (const entry of data.entries) {
    const before = current.get(entry.freelancerId);
    const newer =
      !first &&
      before?.availability != null &&
      (entry.availability == null || before.availability.version > entry.availability.version);
    next.set(entry.freelancerId, newer && before ? before : { ...entry, online: before?.online });
  }
  return next;
}
