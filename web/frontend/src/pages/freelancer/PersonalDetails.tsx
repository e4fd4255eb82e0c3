import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { ACCOUNT_TYPES, type PersonalDetails } from "../apiTypes";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";

const messages = defineMessages({
  ja: {
    title: "個人情報（非公開）",
    intro:
      "連絡先・生年月日・報酬の振込先は暗号化して保存され、検索やマッチングには使われません。振込先口座は、あなたと契約中（または終了後90日以内）のエージェントだけが支払いのために確認でき、確認されると閲覧履歴に記録されます。空欄の項目は保存されません。",
    contact: "連絡先",
    phone: "電話番号",
    postalCode: "郵便番号",
    address: "住所",
    dateOfBirth: "生年月日",
    payoutAccount: "振込先口座",
    bankCode: "金融機関コード（4桁）",
    bankName: "金融機関名",
    branchCode: "支店コード（3桁）",
    branchName: "支店名",
    accountType: "預金種目",
    ORDINARY: "普通",
    CHECKING: "当座",
    SAVINGS: "貯蓄",
    accountNumber: "口座番号（7桁まで）",
    holderKana: "口座名義（カタカナ）",
    save: "個人情報を保存",
    saved: "保存しました（暗号化済み）。",
    conflict: "別の画面で変更されていたため、最新の内容を読み込みました。もう一度保存してください。",
    lastSaved: "最終保存: {when}",
    accountIncomplete: "振込先を登録するには、金融機関コード・支店コード・口座番号・口座名義をすべて入力してください。",
  },
  en: {
    title: "Personal details (private)",
    intro:
      "Your contact details, date of birth and payout account are stored encrypted and never used for search or matching. Only an agency you have a running contract with (or one that ended less than 90 days ago) can see the payout account, to pay you; each look is recorded in your access history. Empty fields are not stored.",
    contact: "Contact",
    phone: "Phone",
    postalCode: "Postal code",
    address: "Address",
    dateOfBirth: "Date of birth",
    payoutAccount: "Payout bank account",
    bankCode: "Bank code (4 digits)",
    bankName: "Bank name",
    branchCode: "Branch code (3 digits)",
    branchName: "Branch name",
    accountType: "Account type",
    ORDINARY: "Ordinary",
    CHECKING: "Checking",
    SAVINGS: "Savings",
    accountNumber: "Account number (up to 7 digits)",
    holderKana: "Account holder (katakana)",
    save: "Save personal details",
    saved: "Saved (encrypted).",
    conflict: "They were changed in another window; the latest are loaded. Please save again.",
    lastSaved: "Last saved: {when}",
    accountIncomplete: "To give a payout account, fill in the bank code, branch code, account number and holder.",
  },
});

type Draft = {
  phone: string;
  postalCode: string;
  address: string;
  dateOfBirth: string;
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: (typeof ACCOUNT_TYPES)[number];
  accountNumber: string;
  holderKana: string;
};

const draftOf = (d: PersonalDetails): Draft => ({
  phone: d.contact?.phone ?? "",
  postalCode: d.contact?.postalCode ?? "",
  address: d.contact?.address ?? "",
  dateOfBirth: d.dateOfBirth ?? "",
  bankCode: d.payoutAccount?.bankCode ?? "",
  bankName: d.payoutAccount?.bankName ?? "",
  branchCode: d.payoutAccount?.branchCode ?? "",
  branchName: d.payoutAccount?.branchName ?? "",
  accountType: d.payoutAccount?.accountType ?? "ORDINARY",
  accountNumber: d.payoutAccount?.accountNumber ?? "",
  holderKana: d.payoutAccount?.holderKana ?? "",
});

const blank = (v: string) => v.trim() === "";

/** The body to save, or null when a payout account is only half given. */
function bodyOf(d: Draft, version: number) {
  const contact =
    blank(d.phone) && blank(d.postalCode) && blank(d.address)
      ? null
      : { phone: d.phone, postalCode: d.postalCode, address: d.address };
  const accountParts = [d.bankCode, d.branchCode, d.accountNumber, d.holderKana];
  const noAccount = accountParts.every(blank) && blank(d.bankName) && blank(d.branchName);
  if (!noAccount && accountParts.some(blank)) return null;
  return {
    contact,
    dateOfBirth: blank(d.dateOfBirth) ? null : d.dateOfBirth,
    payoutAccount: noAccount
      ? null
      : {
          bankCode: d.bankCode,
          bankName: d.bankName,
          branchCode: d.branchCode,
          branchName: d.branchName,
          accountType: d.accountType,
          accountNumber: d.accountNumber,
          holderKana: d.holderKana,
        },
    expectedVersion: version,
  };
}

/** The freelancer's sealed personal details (/v1/me/personal-details), on the profile page. */
export function PersonalDetailsForm() {
  const t = useT(messages);
  const language = useLang();
  const action = useAction();
  const [stored, setStored] = useState<PersonalDetails | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const { loaded, reload } = useLoad(async (signal) => {
    const found = await api<PersonalDetails>("/v1/me/personal-details", { signal });
    setStored(found);
    setDraft(draftOf(found));
    return found;
  }, []);

  const set = (key: keyof Draft, value: string) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const field = (key: keyof Draft, extra: Record<string, unknown> = {}) => (
    <label className="field">
      {t(key)}
      <input
        id={`personal-${key}`}
        name={key}
        value={draft?.[key] ?? ""}
        onChange={(e) => set(key, e.target.value)}
        {...extra}
      />
    </label>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || !stored) return;
    const body = bodyOf(draft, stored.version);
    void action.run(
      async () => {
        if (!body) throw new Error(t("accountIncomplete"));
        const saved = await api<PersonalDetails>("/v1/me/personal-details", { method: "PUT", body });
        setStored(saved);
        setDraft(draftOf(saved));
        return t("saved");
      },
      (e) => {
        if (e instanceof ApiError && e.status === 409) {
          reload();
          return t("conflict");
        }
        return e instanceof ApiError ? problemText(e, language) : (e as Error).message;
      },
    );
  };

  return (
    <section className="card" aria-labelledby="personal-heading" style={{ marginTop: 16 }}>
      <h2 id="personal-heading" style={{ marginTop: 0 }}>
        {t("title")}
      </h2>
      <p className="muted" id="personal-intro">
        {t("intro")}
      </p>
      <LoadState loaded={loaded} reload={reload}>
        {() =>
          draft ? (
            <form id="personal-details" onSubmit={submit} aria-describedby="personal-intro" noValidate>
              <fieldset className="group">
                <legend>{t("contact")}</legend>
                <div className="form-grid">
                  {field("phone", { type: "tel", autoComplete: "tel", maxLength: 30 })}
                  {field("postalCode", { autoComplete: "postal-code", maxLength: 10 })}
                  {field("address", { autoComplete: "street-address", maxLength: 200 })}
                  {field("dateOfBirth", { type: "date", autoComplete: "bday" })}
                </div>
              </fieldset>
              <fieldset className="group">
                <legend>{t("payoutAccount")}</legend>
                <div className="form-grid">
                  {field("bankCode", { inputMode: "numeric", maxLength: 4, autoComplete: "off" })}
                  {field("bankName", { maxLength: 60 })}
                  {field("branchCode", { inputMode: "numeric", maxLength: 3, autoComplete: "off" })}
                  {field("branchName", { maxLength: 60 })}
                  <label className="field">
                    {t("accountType")}
                    <select
                      id="personal-accountType"
                      value={draft.accountType}
                      onChange={(e) => set("accountType", e.target.value)}
                    >
                      {ACCOUNT_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(type)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {field("accountNumber", { inputMode: "numeric", maxLength: 7, autoComplete: "off" })}
                  {field("holderKana", { maxLength: 60, autoComplete: "off" })}
                </div>
              </fieldset>
              {stored?.updatedAt ? (
                <p className="muted" id="personal-saved-at">
                  {t("lastSaved", { when: formatDate(language, stored.updatedAt) })}
                </p>
              ) : null}
              <NoticeLine notice={action.notice} id="personal-notice" />
              <div className="actions">
                <button type="submit" className="button" disabled={action.busy} id="save-personal">
                  {t("save")}
                </button>
              </div>
            </form>
          ) : null
        }
      </LoadState>
    </section>
  );
}
