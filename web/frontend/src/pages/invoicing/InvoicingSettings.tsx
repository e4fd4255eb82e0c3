import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { length, serverErrors, type FieldErrors } from "../shared/problems";
import { FieldError, invalid, LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { normalizeRegistration, validRegistration } from "./invoiceStatus";
import type { IssuerView } from "./invoiceTypes";

const messages = defineMessages({
  ja: {
    title: "請求書の発行元",
    intro: "適格請求書（インボイス）に記載する発行事業者の名称・登録番号・所在地・お振込先です。変更後に発行する請求書から反映され、発行済みの請求書は変わりません。",
    notSet: "まだ設定されていません。請求書を発行する前に設定してください。",
    name: "発行事業者の名称",
    nameHint: "登録時の氏名または名称（例: 株式会社プロキシマ）",
    registration: "登録番号",
    registrationHint: "T と 13 桁の数字（例: T7000012050002）。国税庁「適格請求書発行事業者公表サイト」で確認できます。",
    address: "所在地（任意）",
    addressHint: "請求書の発行者欄に記載します（例: 東京都千代田区丸の内1-1-1）。",
    bankAccount: "お振込先（任意）",
    bankAccountHint: "銀行名・支店名・口座種別・口座番号・口座名義（例: みずほ銀行 東京営業部 普通 1234567 カ）プロキシマ）。請求書に記載し、摘要に請求番号を書いてもらうよう案内します。",
    tooLong: "300 文字以内にしてください。",
    nameRequired: "名称を入力してください。",
    nameTooLong: "名称は 200 文字以内にしてください。",
    registrationInvalid: "登録番号は T と 13 桁の数字で、チェックディジットが正しいものを入力してください。",
    save: "保存",
    saved: "発行元を保存しました。",
    invoices: "請求書一覧へ",
    notYet: "所在地と振込先の変更は、変更後に発行する請求書から反映されます。",
  },
  en: {
    title: "Invoice issuer",
    intro: "The issuer's name, registration number, address and bank account printed on your qualified invoices. Changes apply to invoices issued afterwards; issued ones stay as they are.",
    notSet: "Not set yet. Set it before issuing invoices.",
    name: "Issuer name",
    nameHint: "The registered name (e.g. Proxima Inc.)",
    registration: "Registration number",
    registrationHint: "T and 13 digits (e.g. T7000012050002), as on the National Tax Agency's register.",
    address: "Address (optional)",
    addressHint: "Printed with the issuer on invoices.",
    bankAccount: "Bank account for transfers (optional)",
    bankAccountHint: "Bank, branch, account type, number and holder. Printed on invoices, with a request to put the invoice number in the memo.",
    tooLong: "At most 300 characters.",
    nameRequired: "Enter the name.",
    nameTooLong: "The name is at most 200 characters.",
    registrationInvalid: "Enter T and 13 digits with a valid check digit.",
    save: "Save",
    saved: "Issuer saved.",
    invoices: "All invoices",
    notYet: "A new address or account appears on invoices issued after the change.",
  },
});

type Field = "name" | "registrationNumber" | "address" | "bankAccount";
const FORM_ID = "issuer-form";

/** `/settings/invoicing`: the issuer name and registration number every invoice carries. */
export function InvoicingSettings() {
  const t = useT(messages);
  const loaded = useLoad(async (signal) => {
    try {
      return await api<IssuerView>("/v1/invoice-issuer", { signal });
    } catch (error) {
      // Not set yet: an empty form, not an error.
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }, []);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <Link to="/invoices" className="button subtle">
          {t("invoices")}
        </Link>
      </div>
      <LoadState loaded={loaded.loaded} reload={loaded.reload}>
        {(issuer) => <IssuerForm issuer={issuer} onSaved={loaded.set} />}
      </LoadState>
    </>
  );
}

function IssuerForm({ issuer, onSaved }: { issuer: IssuerView | null; onSaved: (issuer: IssuerView) => void }) {
  const t = useT(messages);
  const language = useLang();
  const [name, setName] = useState(issuer?.name ?? "");
  const [registration, setRegistration] = useState(issuer?.registrationNumber ?? "");
  const [address, setAddress] = useState(issuer?.address ?? "");
  const [bankAccount, setBankAccount] = useState(issuer?.bankAccount ?? "");
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!name.trim()) found.name = t("nameRequired");
    else if ([...name.trim()].length > 200) found.name = t("nameTooLong");
    if (!validRegistration(registration)) found.registrationNumber = t("registrationInvalid");
    if (length(address) > 300) found.address = t("tooLong");
    if (length(bankAccount) > 300) found.bankAccount = t("tooLong");
    setErrors(found);
    if (Object.keys(found).length) return;
    void action.run(async () => {
      try {
        const saved = await api<IssuerView>("/v1/invoice-issuer", {
          method: "PUT",
          body: {
            name: name.trim(),
            registrationNumber: normalizeRegistration(registration),
            address: address.trim() || null,
            bankAccount: bankAccount.trim() || null,
          },
        });
        setRegistration(saved.registrationNumber);
        onSaved(saved);
        return t("saved");
      } catch (error) {
        const server = serverErrors(error, language, ["name", "registrationNumber", "address", "bankAccount"] as const);
        setErrors(server);
        throw new Error(
          server.form ?? server.name ?? server.registrationNumber ?? server.address ?? server.bankAccount ?? String(error),
        );
      }
    }, (error) => (error instanceof Error ? error.message : String(error)));
  };
  return (
    <form id={FORM_ID} className="card form-grid" onSubmit={submit} noValidate>
      {issuer ? null : (
        <p className="span-all banner warning" id="issuer-not-set">
          {t("notSet")}
        </p>
      )}
      <label className="field span-all">
        {t("name")}
        <input
          {...invalid(FORM_ID, "name", errors.name)}
          value={name}
          maxLength={200}
          autoComplete="organization"
          onChange={(e) => setName(e.target.value)}
        />
        <span className="hint">{t("nameHint")}</span>
        <FieldError id={`${FORM_ID}-name-error`} text={errors.name} />
      </label>
      <label className="field span-all">
        {t("registration")}
        <input
          {...invalid(FORM_ID, "registrationNumber", errors.registrationNumber)}
          value={registration}
          inputMode="text"
          placeholder="T7000012050002"
          onChange={(e) => setRegistration(e.target.value)}
          onBlur={() => setRegistration((r) => (r.trim() ? normalizeRegistration(r) : r))}
        />
        <span className="hint">{t("registrationHint")}</span>
        <FieldError id={`${FORM_ID}-registrationNumber-error`} text={errors.registrationNumber} />
      </label>
      <label className="field span-all">
        {t("address")}
        <input
          {...invalid(FORM_ID, "address", errors.address)}
          value={address}
          maxLength={300}
          autoComplete="street-address"
          onChange={(e) => setAddress(e.target.value)}
        />
        <span className="hint">{t("addressHint")}</span>
        <FieldError id={`${FORM_ID}-address-error`} text={errors.address} />
      </label>
      <label className="field span-all">
        {t("bankAccount")}
        <textarea
          {...invalid(FORM_ID, "bankAccount", errors.bankAccount)}
          value={bankAccount}
          maxLength={300}
          rows={2}
          onChange={(e) => setBankAccount(e.target.value)}
        />
        <span className="hint">{t("bankAccountHint")}</span>
        <FieldError id={`${FORM_ID}-bankAccount-error`} text={errors.bankAccount} />
      </label>
      <p className="span-all muted">{t("notYet")}</p>
      <div className="actions span-all">
        <button type="submit" className="button accent" id="issuer-save" disabled={action.busy}>
          {t("save")}
        </button>
      </div>
      <NoticeLine notice={action.notice} id="issuer-notice" />
    </form>
  );
}
