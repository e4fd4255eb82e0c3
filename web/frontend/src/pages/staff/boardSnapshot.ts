import type { BoardEntry } from "../../types";

/** A freelancer as the board shows them: the entry, whether they are online, when it changed. */
export type BoardRow = BoardEntry & {
  online?: boolean;
  changedAt?: number;
  /** Known from a change alone: name and skills still to be read. */
  partial?: boolean;
};

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

/**
 * The whole entry of a freelancer the board learnt of from a change alone (one who came back under
 * the filter, or appeared while the snapshot was still coming): a change carries the availability,
 * not the name and skills. Fills in a row still shown; keeps its availability when that is newer.
 */
export function withEntry(current: Map<string, BoardRow>, entry: BoardEntry): Map<string, BoardRow> {
  const before = current.get(entry.freelancerId);
  if (!before) return current;
  const keepOwn =
    before.availability != null &&
    (entry.availability == null || before.availability.version >= entry.availability.version);
  const next = new Map(current);
  next.set(entry.freelancerId, {
    ...entry,
    availability: keepOwn ? before.availability : entry.availability,
    online: before.online,
    changedAt: before.changedAt,
  });
  return next;
}

/** Rows that came from a change alone and still lack their entry. */
export function rowsWithoutEntry(rows: Map<string, BoardRow>): string[] {
  return [...rows.values()].filter((row) => row.partial).map((row) => row.freelancerId);
}
