import { describe, expect, it } from "vitest";
import type { ApplicationView } from "../apiTypes";
import { canMove, checkProposal, columns, interviewsPossible, isFinal, STAGES, staffMoves } from "./pipeline";

const application = (id: string, stage: ApplicationView["stage"], updatedAt: string): ApplicationView => ({
  id,
  jobId: "j",
  freelancerId: "f",
  stage,
  createdAt: updatedAt,
  updatedAt,
  version: 1,
});

describe("pipeline", () => {
  it("allows the moves ApplicationStage allows staff", () => {
    expect(canMove("APPLIED", "INTERVIEW")).toBe(true);
    expect(canMove("APPLIED", "OFFER")).toBe(false);
    expect(canMove("SCREENING", "APPLIED")).toBe(false);
    expect(canMove("OFFER", "CONTRACTED")).toBe(true);
    expect(staffMoves("TRIAL")).toEqual(["CONTRACTED", "REJECTED"]);
    for (const stage of ["CONTRACTED", "REJECTED", "WITHDRAWN"] as const) {
      expect(isFinal(stage)).toBe(true);
      expect(staffMoves(stage)).toEqual([]);
    }
    // only the freelancer withdraws
    expect(STAGES.some((s) => canMove(s, "WITHDRAWN"))).toBe(false);
  });

  it("takes interview proposals up to the interview stage", () => {
    expect(interviewsPossible("SCREENING")).toBe(true);
    expect(interviewsPossible("INTERVIEW")).toBe(true);
    expect(interviewsPossible("OFFER")).toBe(false);
  });

  it("groups cards into every column, latest move first", () => {
    const byStage = columns([
      application("a", "APPLIED", "2026-11-01T00:00:00Z"),
      application("b", "APPLIED", "2026-11-02T00:00:00Z"),
      application("c", "OFFER", "2026-11-01T00:00:00Z"),
    ]);
    expect(Object.keys(byStage)).toEqual([...STAGES]);
    expect(byStage.APPLIED.map((a) => a.id)).toEqual(["b", "a"]);
    expect(byStage.OFFER).toHaveLength(1);
    expect(byStage.TRIAL).toEqual([]);
  });

  it("checks interview proposals as the server does", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const slot = (start: string, end: string) => ({ start, end });
    const ok = slot("2026-12-03T01:00:00Z", "2026-12-03T02:00:00Z");
    expect(checkProposal([ok], "https://meet.example.jp/x", "", now)).toBeNull();
    expect(checkProposal([], "", "", now)).toEqual({ key: "slotCount" });
    expect(checkProposal(Array(6).fill(ok), "", "", now)).toEqual({ key: "slotCount" });
    expect(checkProposal([ok, ok], "", "", now)).toEqual({ key: "slotTwice", slot: 1 });
    expect(checkProposal([slot(ok.end, ok.start)], "", "", now)).toEqual({ key: "slotOrder", slot: 0 });
    expect(checkProposal([slot("2026-12-03T01:00:00Z", "2026-12-03T05:30:00Z")], "", "", now)).toEqual({
      key: "slotTooLong",
      slot: 0,
    });
    expect(checkProposal([slot("2026-11-30T01:00:00Z", "2026-11-30T02:00:00Z")], "", "", now)).toEqual({
      key: "slotPast",
      slot: 0,
    });
    expect(checkProposal([ok], "http://meet.example.jp", "", now)).toEqual({ key: "meetingUrl" });
    expect(checkProposal([slot(ok.start, "")], "", "", now)).toEqual({ key: "slotMissing", slot: 0 });
  });
});
