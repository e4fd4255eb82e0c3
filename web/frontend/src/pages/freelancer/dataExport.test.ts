import { describe, expect, it } from "vitest";
import { exportFileName } from "./dataExport";

describe("exportFileName", () => {
  it("names the archive for the day in Japan, as the server does", () => {
    expect(exportFileName(new Date("2026-12-05T23:30:00Z"))).toBe("proxima-export-2026-12-06.zip");
    expect(exportFileName(new Date("2026-12-05T14:59:59Z"))).toBe("proxima-export-2026-12-05.zip");
    expect(exportFileName(new Date("2027-01-01T00:00:00Z"))).toBe("proxima-export-2027-01-01.zip");
  });
});
