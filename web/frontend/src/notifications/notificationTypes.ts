/** The notification API's shapes (`/v1/me/notifications`, `/v1/notifications`, settings). */

export type NotificationKind =
  | "SCOUT_RECEIVED"
  | "MESSAGE_RECEIVED"
  | "INTERVIEW_PROPOSED"
  | "INTERVIEW_ACCEPTED"
  | "CONTRACT_TO_SIGN"
  | "TIME_REPORT_RETURNED"
  | "INVOICE_ISSUED"
  | "SAVED_SEARCH_MATCHED"
  | "CONSENT_REQUESTED";

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  tenantSlug: string | null;
  tenantName: string;
  titleJa: string;
  titleEn: string;
  link: string;
  items: number;
  createdAt: string;
  updatedAt: string;
  readAt: string | null;
};

export type NotificationPage = {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  size: number;
};

export type KindChoice = {
  kind: NotificationKind;
  nameJa: string;
  nameEn: string;
  inApp: boolean;
  mail: boolean;
};

export type NotificationSettingsView = { language: "ja" | "en"; kinds: KindChoice[] };
