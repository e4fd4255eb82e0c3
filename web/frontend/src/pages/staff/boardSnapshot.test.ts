import { describe, expect, it } from "vitest";
import type { Availability } from "../../types";
import { applySnapshotPage, rowsWithoutEntry, type BoardRow, withEntry } from "./boardSnapshot";

const available = (version: number, daysPerWeek = 5): Availability => ({
  status: "AVAILABLE",
  daysPerWeek,
  hoursPerDay: 8,
  workStyle: "REMOTE",
  updatedAt: "2026-12-07T00:00:00Z",
  version,
});

type Row = BoardRow;

describe("snapshot pages", () => {
  it("starts over on page 0 and adds later pages", () => {
    const stale: Map<string, Row> = new Map([["gone", { freelancerId: "gone" }]]);
    const first = applySnapshotPage(stale, {
      page: 0,
      entries: [{ freelancerId: "a", availability: available(1) }],
    });
    expect([...first.keys()]).toEqual(["a"]);
    const second = applySnapshotPage(first, {
      page: 1,
      entries: [{ freelancerId: "b", availability: null }],
    });
    expect([...second.keys()]).toEqual(["a", "b"]);
  });

  it("treats a frame without a page number as a whole snapshot", () => {
    const before: Map<string, Row> = new Map([["old", { freelancerId: "old" }]]);
    expect([...applySnapshotPage(before, { entries: [{ freelancerId: "a" }] }).keys()]).toEqual([
      "a",
    ]);
  });

  it("keeps a change that arrived before the page carrying an older version", () => {
    const changedMeanwhile: Map<string, Row> = new Map([
      ["a", { freelancerId: "a", availability: available(4, 3), online: true }],
    ]);
    const next = applySnapshotPage(changedMeanwhile, {
      page: 2,
      entries: [{ freelancerId: "a", availability: available(3, 5) }],
    });
    expect(next.get("a")?.availability?.version).toBe(4);
    expect(next.get("a")?.availability?.daysPerWeek).toBe(3);
  });

  it("takes a page's newer version and keeps who is online", () => {
    const shown: Map<string, Row> = new Map([
      ["a", { freelancerId: "a", availability: available(1), online: true }],
    ]);
    const next = applySnapshotPage(shown, {
      page: 1,
      entries: [{ freelancerId: "a", availability: available(2, 4) }],
    });
    expect(next.get("a")?.availability?.version).toBe(2);
    expect(next.get("a")?.online).toBe(true);
  });
});

describe("a freelancer known from a change alone", () => {
  it("is listed as lacking its entry until the entry fills in name and skills", () => {
    const rows: Map<string, Row> = new Map([
      ["a", { freelancerId: "a", displayName: "山田 太郎", availability: available(1) }],
      ["b", { freelancerId: "b", availability: available(3), online: true, changedAt: 42, partial: true }],
    ]);
    expect(rowsWithoutEntry(rows)).toEqual(["b"]);

    const filled = withEntry(rows, {
      freelancerId: "b",
      displayName: "佐藤 花子",
      skills: ["Java"],
      availability: available(2),
    });
    expect(filled.get("b")).toEqual({
      freelancerId: "b",
      displayName: "佐藤 花子",
      skills: ["Java"],
      availability: available(3),
      online: true,
      changedAt: 42,
    });
    expect(rowsWithoutEntry(filled)).toEqual([]);
  });

  it("takes the entry's availability when it is newer, and ignores a row no longer shown", () => {
    const rows: Map<string, Row> = new Map([["b", { freelancerId: "b", availability: available(1) }]]);
    expect(withEntry(rows, { freelancerId: "b", displayName: "B", availability: available(2) }).get("b")?.availability)
      .toEqual(available(2));
    expect(withEntry(rows, { freelancerId: "gone", displayName: "G" })).toBe(rows);
  });
});
