import type { KindChoice } from "./notificationTypes";

/** What the settings form changed, as the PUT takes it: only kinds and channels that differ. */
export function changesBetween(
  saved: KindChoice[],
  draft: KindChoice[],
): { kind: KindChoice["kind"]; inApp?: boolean; mail?: boolean }[] {
  const before = new Map(saved.map((choice) => [choice.kind, choice]));
  const changes: { kind: KindChoice["kind"]; inApp?: boolean; mail?: boolean }[] = [];
  for (const choice of draft) {
    const was = before.get(choice.kind);
    const change: { kind: KindChoice["kind"]; inApp?: boolean; mail?: boolean } = { kind: choice.kind };
    if (!was || was.inApp !== choice.inApp) change.inApp = choice.inApp;
    if (!was || was.mail !== choice.mail) change.mail = choice.mail;
    if (change.inApp !== undefined || change.mail !== undefined) changes.push(change);
  }
  return changes;
}
