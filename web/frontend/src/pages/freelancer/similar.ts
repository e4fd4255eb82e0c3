import type { Lang } from "@proxima/frontend-core/i18n";
import { manYen } from "../shared/format";
import type { SimilarJob } from "./searchTypes";

/** Why a job is like the one shown, in one line: shared skills, the same work style, the rate. */
export function similarReason(language: Lang, similar: SimilarJob, workStyleLabel: string): string {
  const parts: string[] = [];
  const skills = similar.sharedSkills.slice(0, 4).join(language === "ja" ? "・" : ", ");
  if (skills) parts.push(language === "ja" ? `共通スキル: ${skills}` : `Shared skills: ${skills}`);
  if (similar.sameWorkStyle) parts.push(language === "ja" ? `同じ${workStyleLabel}` : `also ${workStyleLabel.toLowerCase()}`);
  const diff = similar.rateDifferenceYen;
  if (diff != null) {
    if (Math.abs(diff) < 10_000) parts.push(language === "ja" ? "単価ほぼ同じ" : "about the same rate");
    else if (diff > 0) parts.push(language === "ja" ? `単価 ${manYen(language, diff)}高い` : `rate ${manYen(language, diff)} higher`);
    else parts.push(language === "ja" ? `単価 ${manYen(language, -diff)}低い` : `rate ${manYen(language, -diff)} lower`);
  }
  return parts.join(language === "ja" ? " · " : " · ");
}
