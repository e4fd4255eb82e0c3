import type { Lang } from "@proxima/frontend-core/i18n";
import type { JobDetails } from "../apiTypes";
import type {
  ContractDossier,
  ContractKind,
  ContractStatus,
  ContractView,
  Party,
  SettlementMethod,
  Terms,
  WorkDay,
} from "./contractTypes";

/** Reminders start this many days before a contract's last day. */
export const REMINDER_DAYS = 30;
/** A trial lasts at most this many days, as the server checks (ContractTerms.MAX_TRIAL_DAYS). */
export const MAX_TRIAL_DAYS = 92;
export const PAYMENT_DAY_CHOICES = [30, 45, 60] as const;

const DAY = 24 * 60 * 60 * 1000;

function utc(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

/** An ISO date (yyyy-mm-dd) plus whole days. */
export function addDays(isoDate: string, days: number): string {
  return new Date(utc(isoDate) + days * DAY).toISOString().substring(0, 10);
}

/** The last day of the month `months` after the one `isoDate` is in. */
export function endOfMonth(isoDate: string, months = 0): string {
  const [y, m] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + months + 1, 0)).toISOString().substring(0, 10);
}

/** The first day of the month after `isoDate`'s. */
export function firstOfNextMonth(isoDate: string): string {
  return addDays(endOfMonth(isoDate), 1);
}

/** Whole days from `today` to `isoDate` (negative once it has passed). */
export function daysUntil(isoDate: string, today: string): number {
  return Math.round((utc(isoDate) - utc(today)) / DAY);
}

/** Today in Tokyo, where contract days are counted. */
export function tokyoToday(now = new Date()): string {
  return new Date(now.getTime() + 9 * 60 * 60 * 1000).toISOString().substring(0, 10);
}

export type Reminder = { daysLeft: number; renews: boolean };

/**
 * An active contract whose last day is within {@link REMINDER_DAYS}: time to renew or end it (a
 * main contract with a renewal clause renews by it unless someone ends it).
 */
export function endingReminder(contract: ContractView, today: string): Reminder | null {
  if (contract.status !== "ACTIVE") return null;
  const daysLeft = daysUntil(contract.terms.endDate, today);
  if (daysLeft > REMINDER_DAYS) return null;
  return { daysLeft, renews: contract.kind === "MAIN" && (contract.terms.renewalMonths ?? 0) > 0 };
}

/** The list as filtered: one status, "ending soon", or all. */
export type ListFilter = ContractStatus | "ENDING_SOON" | "";

export function filterContracts(contracts: ContractView[], filter: ListFilter, today: string): ContractView[] {
  if (filter === "") return contracts;
  if (filter === "ENDING_SOON") return contracts.filter((c) => endingReminder(c, today) !== null);
  return contracts.filter((c) => c.status === filter);
}

/** 支払いサイト in words: the server's due date is the month's last day plus `paymentDays`. */
export function paymentSite(language: Lang, paymentDays: number): string {
  if (language === "ja") {
    const usual: Record<number, string> = { 30: "（月末締め翌月末払い相当）", 45: "（月末締め翌々月15日払い相当）", 60: "（月末締め翌々月末払い相当）" };
    return paymentDays === 0
      ? "月末締め・当月末払い"
      : `月末締め・締め日から${paymentDays}日以内に支払い${usual[paymentDays] ?? ""}`;
  }
  return paymentDays === 0
    ? "Closed at month end, paid the same day"
    : `Closed at month end, paid within ${paymentDays} days of the close`;
}

/** When a month's work (yyyy-mm) is paid at the latest, invoiced at that month's end. */
export function paymentDueFor(month: string, paymentDays: number): string {
  return addDays(endOfMonth(month + "-01"), paymentDays);
}

/** The months a contract takes hours for, up to the current one: newest first. */
export function reportMonths(terms: Pick<Terms, "startDate" | "endDate">, today: string): string[] {
  const last = (terms.endDate < today ? terms.endDate : today).substring(0, 7);
  const months: string[] = [];
  let month = terms.startDate.substring(0, 7);
  while (month <= last && months.length < 120) {
    months.push(month);
    month = firstOfNextMonth(month + "-01").substring(0, 7);
  }
  return months.reverse();
}

/** The days of a month (yyyy-mm) inside the contract's period, for a per-day report. */
export function workDaysOf(month: string, terms: Pick<Terms, "startDate" | "endDate">): string[] {
  const days: string[] = [];
  if (!/^\d{4}-\d{2}$/.test(month)) return days;
  for (let day = month + "-01"; day.startsWith(month); day = addDays(day, 1)) {
    if (day >= terms.startDate && day <= terms.endDate) days.push(day);
  }
  return days;
}

/** The days with hours typed in, as the API takes them; blank days are left out. */
export function workDaysFromForm(hoursByDay: Record<string, string>): WorkDay[] | string {
  const days: WorkDay[] = [];
  for (const [date, text] of Object.entries(hoursByDay).sort(([a], [b]) => a.localeCompare(b))) {
    const trimmed = text.trim();
    if (trimmed === "") continue;
    const hours = Number(trimmed);
    if (!/^\d+(\.\d{1,2})?$/.test(trimmed) || hours > 24) return date;
    days.push({ date, hours });
  }
  return days;
}

/** The sum of the days typed in, for display beside them (the server adds them up again). */
export function dayTotal(days: WorkDay[]): number {
  return Math.round(days.reduce((sum, d) => sum + d.hours, 0) * 100) / 100;
}

/** The terms form, as typed. */
export type TermsForm = {
  kind: ContractKind;
  title: string;
  description: string;
  clientName: string;
  freelancerName: string;
  contractType: "QUASI_MANDATE" | "CONTRACT_FOR_WORK";
  monthlyRateYen: string;
  minHours: string;
  maxHours: string;
  settlementMethod: SettlementMethod;
  unitRounding: "1" | "10";
  paymentDays: string;
  startDate: string;
  endDate: string;
  renewalMonths: string;
};

export type TermsField = Exclude<keyof TermsForm, "kind" | "settlementMethod" | "unitRounding" | "contractType">;

/**
 * A new contract's terms from the job the freelancer was accepted for: its title and description,
 * the rate the freelancer asked (or the top of the job's band), its 精算幅 (140–180 h when the job
 * names none), its payment terms, and a period from the first of next month or the job's start —
 * a trial for one month, a main contract for the job's duration (three months when it names none).
 */
export function draftTerms(
  kind: ContractKind,
  job: JobDetails | null,
  names: { clientName: string; freelancerName: string },
  proposedRateYen: number | null | undefined,
  today: string,
): TermsForm {
  const start = job?.startDate && job.startDate > today ? job.startDate : firstOfNextMonth(today);
  const months = kind === "TRIAL" ? 1 : Math.max(1, job?.durationMonths ?? 3);
  const rate = proposedRateYen ?? job?.rateMaxYen ?? job?.rateMinYen ?? null;
  const days = job?.paymentTermsDays;
  return {
    kind,
    title: job?.title ?? "",
    description: job?.description ?? "",
    clientName: names.clientName,
    freelancerName: names.freelancerName,
    contractType: job?.contractType === "CONTRACT_FOR_WORK" ? "CONTRACT_FOR_WORK" : "QUASI_MANDATE",
    monthlyRateYen: rate == null ? "" : String(rate),
    minHours: String(job?.settlementMinHours ?? 140),
    maxHours: String(job?.settlementMaxHours ?? 180),
    settlementMethod: "UPPER_LOWER",
    unitRounding: "10",
    paymentDays: String(days != null && days >= 0 && days <= 60 ? days : 30),
    startDate: start,
    endDate: addDays(endOfMonth(start, months - 1), 0),
    renewalMonths: kind === "TRIAL" ? "0" : "3",
  };
}

/** The form as the API's terms, or the fields that are not filled in right. */
export function termsOf(form: TermsForm): { terms: Terms } | { errors: Partial<Record<TermsField, "required" | "number" | "order" | "trial">> } {
  const errors: Partial<Record<TermsField, "required" | "number" | "order" | "trial">> = {};
  for (const field of ["title", "clientName", "freelancerName", "startDate", "endDate"] as const) {
    if (!form[field].trim()) errors[field] = "required";
  }
  const whole = (field: TermsField, text: string) => {
    if (!text.trim()) errors[field] = "required";
    else if (!/^\d+$/.test(text.trim())) errors[field] = "number";
    return Number(text.trim());
  };
  const hours = (field: TermsField, text: string) => {
    if (!text.trim()) errors[field] = "required";
    else if (!/^\d+(\.\d{1,2})?$/.test(text.trim())) errors[field] = "number";
    return Number(text.trim());
  };
  const rate = whole("monthlyRateYen", form.monthlyRateYen);
  const min = hours("minHours", form.minHours);
  const max = hours("maxHours", form.maxHours);
  const paymentDays = whole("paymentDays", form.paymentDays);
  const renewalMonths = form.kind === "TRIAL" ? 0 : whole("renewalMonths", form.renewalMonths || "0");
  if (!errors.minHours && !errors.maxHours && min > max) errors.maxHours = "order";
  if (!errors.startDate && !errors.endDate && form.endDate < form.startDate) errors.endDate = "order";
  if (form.kind === "TRIAL" && !errors.endDate && !errors.startDate && daysUntil(form.endDate, form.startDate) + 1 > MAX_TRIAL_DAYS) {
    errors.endDate = "trial";
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    terms: {
      title: form.title.trim(),
      description: form.description.trim() || null,
      clientName: form.clientName.trim(),
      freelancerName: form.freelancerName.trim(),
      contractType: form.contractType,
      monthlyRateYen: rate,
      minHours: min,
      maxHours: max,
      settlementMethod: form.settlementMethod,
      unitRounding: Number(form.unitRounding),
      taxRate: "STANDARD",
      paymentDays,
      startDate: form.startDate,
      endDate: form.endDate,
      renewalMonths,
    },
  };
}

/** A form from terms already agreed, e.g. a trial's for the main contract that follows it. */
export function formOf(kind: ContractKind, terms: Terms, start?: string): TermsForm {
  const startDate = start ?? terms.startDate;
  return {
    kind,
    title: terms.title,
    description: terms.description ?? "",
    clientName: terms.clientName,
    freelancerName: terms.freelancerName,
    contractType: terms.contractType === "CONTRACT_FOR_WORK" ? "CONTRACT_FOR_WORK" : "QUASI_MANDATE",
    monthlyRateYen: String(terms.monthlyRateYen),
    minHours: String(terms.minHours),
    maxHours: String(terms.maxHours),
    settlementMethod: terms.settlementMethod ?? "UPPER_LOWER",
    unitRounding: terms.unitRounding === 1 ? "1" : "10",
    paymentDays: String(terms.paymentDays),
    startDate,
    endDate: start ? endOfMonth(start, 2) : terms.endDate,
    // a trial's successor renews by default; terms being revised keep their own clause
    renewalMonths: kind === "TRIAL" ? "0" : String(start ? terms.renewalMonths || 3 : (terms.renewalMonths ?? 0)),
  };
}

/** One entry of a contract's timeline: a move of its status, or a signature. */
export type TimelineEntry =
  | { kind: "step"; at: string; from: ContractStatus | null; to: ContractStatus; side: Party; reason: string | null }
  | { kind: "signature"; at: string; party: Party; method: "CLICK" | "E_SIGNATURE" };

/**
 * The contract's story in time order: every status move (who made it: the freelancer or the
 * client's side) and every signature, so each party's signing shows with its time.
 */
export function timeline(dossier: ContractDossier): TimelineEntry[] {
  const freelancer = dossier.contract.freelancerId;
  const entries: TimelineEntry[] = [
    // A signature that leaves the status as it was is told by the signature itself; the server's
    // reasons for its own moves ("sent for signature") are not people's words, only a cancel's or
    // a termination's are.
    ...dossier.history
      .filter((step) => step.from !== step.to)
      .map(
      (step): TimelineEntry => ({
        kind: "step",
        at: step.at,
        from: step.from ?? null,
        to: step.to,
        side: step.by === freelancer ? "FREELANCER" : "CLIENT",
        reason: step.to === "CANCELLED" || step.to === "TERMINATED" ? (step.reason ?? null) : null,
      }),
    ),
    ...dossier.contract.signatures.map(
      (s): TimelineEntry => ({ kind: "signature", at: s.signedAt, party: s.party, method: s.method }),
    ),
  ];
  // A signature that completes the contract happens at the same instant as the move to active;
  // it reads first.
  return entries.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === "signature" ? -1 : 1));
}

/** Whether `party` has signed yet. */
export function hasSigned(contract: ContractView, party: Party): boolean {
  return contract.signatures.some((s) => s.party === party);
}

/** The whole yen as "123,456円" / "¥123,456". */
export function yen(language: Lang, amount: number): string {
  return language === "ja" ? `${amount.toLocaleString("ja-JP")}円` : `¥${amount.toLocaleString("en-US")}`;
}

/** Hours without trailing zeros ("160", "7.5"). */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}
