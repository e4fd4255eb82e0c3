import { describe, expect, it } from "vitest";
import { checkNewPassword, isJoinPath, tokenOfFragment } from "./join";

describe("invitation links", () => {
  it("reads the token from the fragment and nothing that does not look like one", () => {
    expect(tokenOfFragment("#token=q8m1Hc0b2kz7uXQyq4m9cF3nJr2pL0aS6eVwY1tD5hI")).toBe(
      "q8m1Hc0b2kz7uXQyq4m9cF3nJr2pL0aS6eVwY1tD5hI",
    );
    expect(tokenOfFragment("")).toBeNull();
    expect(tokenOfFragment("#token=<script>")).toBeNull();
  });
  it("is a page of a tenant portal only", () => {
    expect(isJoinPath("/t/sakura/join")).toBe(true);
    expect(isJoinPath("/join")).toBe(false);
    expect(isJoinPath("/t/sakura/jobs/join")).toBe(false);
  });
  it("asks for ten characters, not the e-mail, typed twice alike", () => {
    expect(checkNewPassword("short", "short", "a@example.jp")).toBe("too-short");
    expect(checkNewPassword("a@example.jp", "a@example.jp", "A@example.jp")).toBe("is-email");
    expect(checkNewPassword("kasumi-Tokyo-2026", "kasumi-Tokyo-2025", "a@example.jp")).toBe("mismatch");
    expect(checkNewPassword("かすみ草の咲く丘で会いましょう", "かすみ草の咲く丘で会いましょう", "a@example.jp")).toBeNull();
  });
});
