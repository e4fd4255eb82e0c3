import type { ComponentType } from "react";
import { Availability } from "./pages/freelancer/Availability";
import { FreelancerMessages } from "./pages/freelancer/Messages";
import { Board } from "./pages/staff/Board";
import { StaffMessages } from "./pages/staff/Messages";

/** A page of the portal: where it lives, its label in the navigation, and what it shows. */
export type Route = {
  path: string;
  label: keyof (typeof NAV_LABELS)["ja"] | null;
  page: ComponentType<{ params: Record<string, string> }>;
};

export const NAV_LABELS = {
  ja: {
    board: "空き状況ボード",
    jobs: "案件",
    candidates: "候補者",
    applications: "選考",
    scouts: "スカウト",
    messages: "メッセージ",
    availability: "稼働状況",
    profile: "プロフィール",
    skillSheets: "スキルシート",
    sharing: "公開先",
  },
  en: {
    board: "Availability board",
    jobs: "Jobs",
    candidates: "Candidates",
    applications: "Applications",
    scouts: "Scouts",
    messages: "Messages",
    availability: "Availability",
    profile: "Profile",
    skillSheets: "Skill sheets",
    sharing: "Sharing",
  },
};

/** Staff of an agency or a client company. */
export const STAFF_ROUTES: Route[] = [
  { path: "/", label: "board", page: Board },
  { path: "/messages", label: "messages", page: StaffMessages },
  { path: "/messages/:freelancerId", label: null, page: StaffMessages },
];

/** A freelancer: their availability, profile, sharing and conversations. */
export const FREELANCER_ROUTES: Route[] = [
  { path: "/", label: "availability", page: Availability },
  { path: "/messages", label: "messages", page: FreelancerMessages },
  { path: "/messages/:tenantSlug", label: null, page: FreelancerMessages },
];
