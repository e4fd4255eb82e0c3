import { defineMessages } from "@proxima/frontend-core/i18n";
import { listOf } from "../shared/format";
import { length } from "../shared/problems";
import { ENGAGEMENT_PHASES, type EngagementPhase } from "../apiTypes";

/**
 * What an engagement's form fields beyond company/period/role mean, shared by the profile page,
 * the skill-sheet review and the staff view so the three never word 担当工程 differently.
 */
export const phaseMessages = defineMessages({
  ja: {
    REQUIREMENTS: "要件定義",
    BASIC_DESIGN: "基本設計",
    DETAILED_DESIGN: "詳細設計",
    IMPLEMENTATION: "実装",
    UNIT_TEST: "単体テスト",
    INTEGRATION_TEST: "結合テスト",
    SYSTEM_TEST: "総合テスト",
    TEST: "テスト",
    OPERATION: "運用保守",
  },
  en: {
    REQUIREMENTS: "Requirements",
    BASIC_DESIGN: "Basic design",
    DETAILED_DESIGN: "Detailed design",
    IMPLEMENTATION: "Implementation",
    UNIT_TEST: "Unit test",
    INTEGRATION_TEST: "Integration test",
    SYSTEM_TEST: "System test",
    TEST: "Test",
    OPERATION: "Operation & maintenance",
  },
});

/** Phases in the order sheets list them (要件定義 first), whatever order they were ticked in. */
export function sortedPhases(phases: readonly EngagementPhase[]): EngagementPhase[] {
  return [...phases].sort((a, b) => ENGAGEMENT_PHASES.indexOf(a) - ENGAGEMENT_PHASES.indexOf(b));
}

/** Ticks a phase on or off. */
export function togglePhase(phases: readonly EngagementPhase[], phase: EngagementPhase): EngagementPhase[] {
  return phases.includes(phase) ? phases.filter((x) => x !== phase) : [...phases, phase];
}

/**
 * The 商流 as typed ("A社、B社" or "A社, B社"), checked as WorkHistoryEntry checks it: at most five
 * companies in between, each at most 200 characters.
 */
export function chainOf(typed: string): { via: string[]; error: "tooMany" | "tooLong" | null } {
  const via = listOf(typed);
  if (via.length > 5) return { via, error: "tooMany" };
  if (via.some((company) => length(company) > 200)) return { via, error: "tooLong" };
  return { via, error: null };
}
