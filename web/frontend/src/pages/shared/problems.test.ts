import { describe, expect, it } from "vitest";
import { ApiError } from "../../api";
import { fieldOfProblem, length, problemText, serverErrors } from "./problems";

describe("problems", () => {
  it("finds the field a domain message starts with", () => {
    const fields = ["title", "rateMinYen", "location", "daysMin"] as const;
    expect(fieldOfProblem("rateMinYen cannot exceed rateMaxYen", fields)).toBe("rateMinYen");
    expect(fieldOfProblem("title is required", fields)).toBe("title");
    expect(fieldOfProblem("message: a scout needs a message", ["message"])).toBe("message");
    expect(fieldOfProblem("the profile is at version 3", fields)).toBeNull();
  });

  it("maps messages that name a field in words through aliases", () => {
    const fields = ["daysMin", "location"] as const;
    const aliases = [
      [/days per week/, "daysMin"],
      [/needs a location/, "location"],
    ] as const;
    expect(fieldOfProblem("days per week are a range within 1–7", fields, aliases)).toBe("daysMin");
    expect(fieldOfProblem("a hybrid or on-site job needs a location", fields, aliases)).toBe(
      "location",
    );
  });

  it("puts a 400 on its field and anything else on the form", () => {
    const bad = new ApiError(400, "Bad Request", "title is required");
    expect(serverErrors(bad, "en", ["title"])).toEqual({ title: "title is required" });
    const stale = new ApiError(409, "Conflict", "the job is at version 3");
    const errors = serverErrors(stale, "ja", ["title"]);
    expect(errors.form).toContain("競合");
    expect(errors.form).toContain("the job is at version 3");
  });

  it("says what a status means in the reader's language", () => {
    expect(problemText(new ApiError(0, "offline", "TypeError"), "en")).toMatch(/Cannot reach/);
    expect(problemText(new ApiError(503, "Unavailable", "x"), "ja")).toMatch(/サーバー/);
    expect(problemText(new ApiError(403, "Forbidden", "quota spent"), "en")).toBe(
      "You are not allowed to do this. (quota spent)",
    );
  });

  it("says more for problem types than their status does", () => {
    const quota = new ApiError(403, "Forbidden", "this month's 20 scouts are spent", "urn:proxima:problem:quota-exceeded");
    expect(problemText(quota, "ja")).toBe("プランの上限に達しました。（this month's 20 scouts are spent）");
  });

  it("counts code points like the server", () => {
    expect(length(" 𠮷野家 ")).toBe(3);
  });
});
