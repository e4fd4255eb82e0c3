import type { ComponentType } from "react";
import { MyContract, MyContracts } from "./pages/contracts/MyContracts";
import { NewContract, StaffContract, StaffContracts } from "./pages/contracts/StaffContracts";
import { Availability } from "./pages/freelancer/Availability";
import { FavouriteJobs } from "./pages/freelancer/Favourites";
import { JobSearch, Posting } from "./pages/freelancer/JobSearch";
import { SavedSearches } from "./pages/freelancer/SavedSearches";
import { FreelancerMessages } from "./pages/freelancer/Messages";
import { MyApplications } from "./pages/freelancer/MyApplications";
import { MyScouts } from "./pages/freelancer/MyScouts";
import { Profile } from "./pages/freelancer/Profile";
import { Sharing } from "./pages/freelancer/Sharing";
import { SkillSheetReview, SkillSheets } from "./pages/freelancer/SkillSheets";
import { Applications } from "./pages/staff/Applications";
import { Board } from "./pages/staff/Board";
import { Candidates } from "./pages/staff/Candidates";
import { Freelancer } from "./pages/staff/Freelancer";
import { JobEditor, Jobs } from "./pages/staff/Jobs";
import { StaffMessages } from "./pages/staff/Messages";
import { Scouts } from "./pages/staff/Scouts";
import { Members } from "./pages/people/Members";
import { Settings } from "./pages/people/Settings";
import { InvoiceDetail } from "./pages/invoicing/InvoiceDetail";
import { Invoices } from "./pages/invoicing/Invoices";
import { InvoicingSettings } from "./pages/invoicing/InvoicingSettings";
import { Payments } from "./pages/invoicing/Payments";
import { Onboarding } from "./pages/signup/Onboarding";
import { TalentInvitations } from "./pages/signup/TalentInvitations";
import { ApiKeys } from "./pages/integrations/ApiKeys";
import { Webhooks } from "./pages/integrations/Webhooks";
import { NotificationsPage } from "./notifications/NotificationsPage";
import { NotificationSettings } from "./notifications/NotificationSettings";

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
    findJobs: "案件を探す",
    myApplications: "応募状況",
    settings: "設定",
    contracts: "契約",
    invoices: "請求書",
    payments: "入金消込",
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
    findJobs: "Find jobs",
    myApplications: "My applications",
    settings: "Settings",
    contracts: "Contracts",
    invoices: "Invoices",
    payments: "Payments",
  },
};

/** Staff of an agency or a client company. */
export const STAFF_ROUTES: Route[] = [
  { path: "/", label: "board", page: Board },
  { path: "/jobs", label: "jobs", page: Jobs },
  { path: "/jobs/new", label: null, page: JobEditor },
  { path: "/jobs/:jobId", label: null, page: JobEditor },
  { path: "/candidates", label: "candidates", page: Candidates },
  { path: "/candidates/:jobId", label: null, page: Candidates },
  { path: "/applications", label: "applications", page: Applications },
  { path: "/applications/job/:jobId", label: null, page: Applications },
  { path: "/scouts", label: "scouts", page: Scouts },
  { path: "/scouts/to/:freelancerId", label: null, page: Scouts },
  { path: "/scouts/to/:freelancerId/:jobId", label: null, page: Scouts },
  { path: "/contracts", label: "contracts", page: StaffContracts },
  { path: "/contracts/new/:freelancerId/:jobId", label: null, page: NewContract },
  { path: "/contracts/new/:freelancerId/:jobId/:applicationId", label: null, page: NewContract },
  { path: "/contracts/:contractId", label: null, page: StaffContract },
  { path: "/messages", label: "messages", page: StaffMessages },
  { path: "/messages/:freelancerId", label: null, page: StaffMessages },
  { path: "/settings", label: "settings", page: Settings },
  { path: "/members", label: null, page: Members },
  { path: "/freelancers/:freelancerId", label: null, page: Freelancer },
  { path: "/invoices", label: "invoices", page: Invoices },
  { path: "/invoices/:invoiceId", label: null, page: InvoiceDetail },
  // Reached from the invoices page: the navigation stays on one line at 1366 px.
  { path: "/payments", label: null, page: Payments },
  { path: "/settings/invoicing", label: null, page: InvoicingSettings },
  // Reached from the settings page.
  { path: "/talent-invitations", label: null, page: TalentInvitations },
  { path: "/settings/api-keys", label: null, page: ApiKeys },
  { path: "/settings/webhooks", label: null, page: Webhooks },
  { path: "/notifications", label: null, page: NotificationsPage },
  { path: "/settings/notifications", label: null, page: NotificationSettings },
];

/** A freelancer: their availability, profile, sharing and conversations. */
export const FREELANCER_ROUTES: Route[] = [
  { path: "/", label: "availability", page: Availability },
  { path: "/profile", label: "profile", page: Profile },
  { path: "/skill-sheets", label: "skillSheets", page: SkillSheets },
  { path: "/skill-sheets/:sheetId", label: null, page: SkillSheetReview },
  { path: "/sharing", label: "sharing", page: Sharing },
  { path: "/jobs", label: "findJobs", page: JobSearch },
  { path: "/jobs/:jobId", label: null, page: Posting },
  // Reached from the job search page: the navigation stays on one line.
  { path: "/saved-searches", label: null, page: SavedSearches },
  { path: "/favourites", label: null, page: FavouriteJobs },
  { path: "/applications", label: "myApplications", page: MyApplications },
  { path: "/scouts", label: "scouts", page: MyScouts },
  { path: "/contracts", label: "contracts", page: MyContracts },
  { path: "/contracts/:contractId", label: null, page: MyContract },
  { path: "/messages", label: "messages", page: FreelancerMessages },
  { path: "/messages/:tenantSlug", label: null, page: FreelancerMessages },
  // The first-run guide; the portal opens it by itself until it is completed or skipped.
  { path: "/welcome", label: null, page: Onboarding },
  { path: "/notifications", label: null, page: NotificationsPage },
  { path: "/settings/notifications", label: null, page: NotificationSettings },
];
