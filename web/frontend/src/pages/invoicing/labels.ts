import { defineMessages } from "@proxima/frontend-core/i18n";

/** Invoice statuses as the list and the detail word them. */
export const STATUS_LABELS = defineMessages({
  ja: {
    ISSUED: "発行済（未入金）",
    PARTLY_PAID: "一部入金",
    PAID: "支払済",
    OVERPAID: "過入金",
    OVERDUE: "期限超過",
    CANCELLED: "取消済",
    CREDIT_NOTE: "赤伝",
  },
  en: {
    ISSUED: "Issued (unpaid)",
    PARTLY_PAID: "Partly paid",
    PAID: "Paid",
    OVERPAID: "Overpaid",
    OVERDUE: "Overdue",
    CANCELLED: "Cancelled",
    CREDIT_NOTE: "Credit note",
  },
});

/** What a bank credit was found to pay, and what the person should do about it. */
export const OUTCOME_LABELS = defineMessages({
  ja: {
    MATCHED: "消込済",
    PARTIAL: "一部入金",
    OVERPAID: "過入金",
    SUGGESTED: "候補あり（要確認）",
    UNMATCHED: "該当なし",
    ALREADY_IMPORTED: "取込済",
    MATCHED_help: "摘要の請求番号と金額が一致したため、入金として記録しました。",
    PARTIAL_help: "請求番号は一致しましたが、金額が請求額より少ないため一部入金として記録しました。残額は未入金のままです。",
    OVERPAID_help: "請求番号は一致しましたが、請求額より多く入金されています。入金として記録しました。差額は振込人と精算してください。",
    SUGGESTED_help: "請求番号の記載はありませんが、同じ金額の未入金の請求書が1件だけあります。内容を確かめて「この請求書の入金として確定」を押してください。",
    UNMATCHED_help: "請求番号が見つからないか、同じ金額の候補が複数あるため、自動では消し込めません。振込人に確認してください。",
    ALREADY_IMPORTED_help: "以前の取込で同じ入金を記録済みです。二重には記録しません。",
  },
  en: {
    MATCHED: "Matched",
    PARTIAL: "Partial",
    OVERPAID: "Overpaid",
    SUGGESTED: "Suggested (confirm)",
    UNMATCHED: "Unmatched",
    ALREADY_IMPORTED: "Imported before",
    MATCHED_help: "The memo names the invoice and the amount is what it owes: recorded as paid.",
    PARTIAL_help: "The memo names the invoice but less arrived: recorded, the rest is still owed.",
    OVERPAID_help: "The memo names the invoice but more arrived: recorded; settle the difference with the payer.",
    SUGGESTED_help: "No invoice number, but exactly one open invoice owes this amount. Check it, then confirm.",
    UNMATCHED_help: "No known invoice number, or several invoices owe this amount: not recorded. Ask the payer.",
    ALREADY_IMPORTED_help: "An earlier import recorded this credit already; it is not recorded twice.",
  },
});
