import { useState } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import type { PayoutAccount } from "../apiTypes";
import { problemText } from "../shared/problems";
import { NoticeLine, useAction } from "../shared/ui";

const messages = defineMessages({
  ja: {
    heading: "報酬の振込先",
    intro: "支払いのために確認できます。確認するとフリーランスの閲覧履歴に記録されます。",
    reveal: "振込先を表示",
    none: "振込先口座はまだ登録されていません。フリーランスに登録を依頼してください。",
    bank: "金融機関",
    branch: "支店",
    type: "預金種目",
    number: "口座番号",
    holder: "口座名義",
    ORDINARY: "普通",
    CHECKING: "当座",
    SAVINGS: "貯蓄",
  },
  en: {
    heading: "Payout account",
    intro: "Open it to pay the freelancer. Each look is recorded in the freelancer's access history.",
    reveal: "Show payout account",
    none: "The freelancer has not given a payout account yet. Ask them to add one.",
    bank: "Bank",
    branch: "Branch",
    type: "Account type",
    number: "Account number",
    holder: "Account holder",
    ORDINARY: "Ordinary",
    CHECKING: "Checking",
    SAVINGS: "Savings",
  },
});

/**
 * The freelancer's payout account on a running (or recently ended) contract. Read only on a click:
 * every read is recorded for the freelancer, so a page view must not read it by itself.
 */
export function PayoutAccountPanel({ freelancerId }: { freelancerId: string }) {
  const t = useT(messages);
  const language = useLang();
  const action = useAction();
  const [account, setAccount] = useState<PayoutAccount | null>(null);
  const reveal = () =>
    void action.run(
      async () => {
        setAccount(await api<PayoutAccount>(`/v1/freelancers/${encodeURIComponent(freelancerId)}/payout-account`));
        return "";
      },
      (e) => (e instanceof ApiError && e.status === 404 ? t("none") : problemText(e, language)),
    );
  const named = (name: string | null | undefined, code: string) => (name ? `${name}（${code}）` : code);
  return (
    <section className="card" aria-labelledby="payout-heading" style={{ marginTop: 16 }}>
      <h2 id="payout-heading" style={{ marginTop: 0 }}>
        {t("heading")}
      </h2>
      <p className="muted">{t("intro")}</p>
      {account ? (
        <dl id="payout-account" className="terms-list">
          <dt>{t("bank")}</dt>
          <dd>{named(account.bankName, account.bankCode)}</dd>
          <dt>{t("branch")}</dt>
          <dd>{named(account.branchName, account.branchCode)}</dd>
          <dt>{t("type")}</dt>
          <dd>{t(account.accountType)}</dd>
          <dt>{t("number")}</dt>
          <dd>{account.accountNumber}</dd>
          <dt>{t("holder")}</dt>
          <dd>{account.holderKana}</dd>
        </dl>
      ) : (
        <button type="button" className="button subtle" id="reveal-payout" disabled={action.busy} onClick={reveal}>
          {t("reveal")}
        </button>
      )}
      <NoticeLine notice={action.notice?.text ? action.notice : null} id="payout-notice" />
    </section>
  );
}
