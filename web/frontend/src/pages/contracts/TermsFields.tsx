import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { FieldError, invalid } from "../shared/ui";
import { addDays, endOfMonth, PAYMENT_DAY_CHOICES, paymentSite, type TermsField, type TermsForm } from "./contracts";
import { useLang } from "@proxima/frontend-core/i18n";

export const TERMS_FIELD_MESSAGES = defineMessages({
  ja: {
    kind: "契約の種類",
    TRIAL: "お試し契約（最長3か月・更新なし）",
    MAIN: "本契約",
    title: "業務名",
    description: "業務内容（任意）",
    clientName: "発注者名",
    freelancerName: "受注者名（姓 名）",
    contractType: "契約形態",
    QUASI_MANDATE: "準委任（稼働時間に対して報酬）",
    CONTRACT_FOR_WORK: "請負（成果物に対して報酬）",
    monthlyRateYen: "月額単価（円・税抜）",
    minHours: "精算幅 下限（時間）",
    maxHours: "精算幅 上限（時間）",
    settlementMethod: "精算方式",
    UPPER_LOWER: "上下割（上限・下限で割る）",
    MIDDLE: "中間割（中間値で割る）",
    unitRounding: "単価の端数",
    round10: "10円未満切り捨て",
    round1: "1円未満切り捨て",
    unitsHint: "超過・控除の時間単価は、月額単価と精算幅から自動で計算され、契約条件に表示されます。",
    paymentDays: "支払いサイト",
    startDate: "契約開始日",
    endDate: "契約終了日",
    renewalMonths: "更新",
    noRenewal: "自動更新しない（継続は双方の合意で）",
    renewEvery: "{months}か月ごとに自動更新",
    required: "入力してください。",
    number: "半角数字で入力してください。",
    order: "開始より後（下限より大きい値）にしてください。",
    trial: "お試し契約は最長3か月（92日）です。",
  },
  en: {
    kind: "Kind of contract",
    TRIAL: "Trial (up to 3 months, no renewal)",
    MAIN: "Main contract",
    title: "Work title",
    description: "Description (optional)",
    clientName: "Client",
    freelancerName: "Freelancer (as on the contract)",
    contractType: "Type",
    QUASI_MANDATE: "Quasi-mandate (paid for time)",
    CONTRACT_FOR_WORK: "Contract for work (paid for results)",
    monthlyRateYen: "Monthly rate (yen, before tax)",
    minHours: "Settlement range: lower (h)",
    maxHours: "Settlement range: upper (h)",
    settlementMethod: "Settlement method",
    UPPER_LOWER: "Upper/lower bounds",
    MIDDLE: "Midpoint",
    unitRounding: "Unit price rounding",
    round10: "down to 10 yen",
    round1: "down to 1 yen",
    unitsHint: "The hourly excess and shortfall prices follow from the rate and the range and show in the terms.",
    paymentDays: "Payment terms",
    startDate: "Start date",
    endDate: "End date",
    renewalMonths: "Renewal",
    noRenewal: "No automatic renewal (by agreement)",
    renewEvery: "Renews every {months} months",
    required: "Required.",
    number: "Enter a number.",
    order: "Must come after the start (or above the lower bound).",
    trial: "A trial lasts at most 3 months (92 days).",
  },
});

type Props = {
  formId: string;
  form: TermsForm;
  errors: Partial<Record<TermsField, string>>;
  onChange: (form: TermsForm) => void;
  /** Whether the kind can be chosen (a conversion is always a main contract). */
  chooseKind: boolean;
};

/** The market's terms of a contract, as a form. */
export function TermsFields({ formId, form, errors, onChange, chooseKind }: Props) {
  const t = useT(TERMS_FIELD_MESSAGES);
  const language = useLang();
  const set = <K extends keyof TermsForm>(key: K, value: TermsForm[K]) => onChange({ ...form, [key]: value });
  const text = (field: TermsField, type = "text", extra: Record<string, unknown> = {}) => (
    <label className="field">
      {t(field)}
      <input
        {...invalid(formId, field, errors[field])}
        type={type}
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
        {...extra}
      />
      <FieldError id={`${formId}-${field}-error`} text={errors[field]} />
    </label>
  );
  const setKind = (kind: TermsForm["kind"]) => {
    // a trial runs one month and never renews; a main contract starts with three and renews
    const months = kind === "TRIAL" ? 1 : 3;
    onChange({ ...form, kind, endDate: addDays(endOfMonth(form.startDate || "2000-01-01", months - 1), 0), renewalMonths: kind === "TRIAL" ? "0" : "3" });
  };
  const payments = PAYMENT_DAY_CHOICES.includes(Number(form.paymentDays) as 30)
    ? [...PAYMENT_DAY_CHOICES]
    : [...PAYMENT_DAY_CHOICES, Number(form.paymentDays)].filter((d) => Number.isFinite(d));
  return (
    <div className="form-grid">
      {chooseKind ? (
        <fieldset className="checks span-all">
          <legend>{t("kind")}</legend>
          {(["TRIAL", "MAIN"] as const).map((kind) => (
            <label key={kind}>
              <input type="radio" name={`${formId}-kind`} id={`${formId}-kind-${kind}`} checked={form.kind === kind} onChange={() => setKind(kind)} /> {t(kind)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="span-all">{text("title", "text", { maxLength: 200 })}</div>
      <label className="field span-all">
        {t("description")}
        <textarea {...invalid(formId, "description", errors.description)} rows={3} maxLength={4000} value={form.description} onChange={(e) => set("description", e.target.value)} />
        <FieldError id={`${formId}-description-error`} text={errors.description} />
      </label>
      {text("clientName", "text", { maxLength: 200 })}
      {text("freelancerName", "text", { maxLength: 200 })}
      <label className="field">
        {t("contractType")}
        <select id={`${formId}-contractType`} value={form.contractType} onChange={(e) => set("contractType", e.target.value as TermsForm["contractType"])}>
          <option value="QUASI_MANDATE">{t("QUASI_MANDATE")}</option>
          <option value="CONTRACT_FOR_WORK">{t("CONTRACT_FOR_WORK")}</option>
        </select>
      </label>
      {text("monthlyRateYen", "text", { inputMode: "numeric" })}
      {text("minHours", "text", { inputMode: "decimal" })}
      {text("maxHours", "text", { inputMode: "decimal" })}
      <label className="field">
        {t("settlementMethod")}
        <select id={`${formId}-settlementMethod`} value={form.settlementMethod} onChange={(e) => set("settlementMethod", e.target.value as TermsForm["settlementMethod"])}>
          <option value="UPPER_LOWER">{t("UPPER_LOWER")}</option>
          <option value="MIDDLE">{t("MIDDLE")}</option>
        </select>
      </label>
      <label className="field">
        {t("unitRounding")}
        <select id={`${formId}-unitRounding`} value={form.unitRounding} onChange={(e) => set("unitRounding", e.target.value as TermsForm["unitRounding"])}>
          <option value="10">{t("round10")}</option>
          <option value="1">{t("round1")}</option>
        </select>
      </label>
      <p className="muted span-all">{t("unitsHint")}</p>
      <label className="field">
        {t("paymentDays")}
        <select {...invalid(formId, "paymentDays", errors.paymentDays)} value={form.paymentDays} onChange={(e) => set("paymentDays", e.target.value)}>
          {payments.map((days) => (
            <option key={days} value={String(days)}>
              {paymentSite(language, days)}
            </option>
          ))}
        </select>
        <FieldError id={`${formId}-paymentDays-error`} text={errors.paymentDays} />
      </label>
      {text("startDate", "date")}
      {text("endDate", "date")}
      {form.kind === "MAIN" ? (
        <label className="field">
          {t("renewalMonths")}
          <select {...invalid(formId, "renewalMonths", errors.renewalMonths)} value={form.renewalMonths} onChange={(e) => set("renewalMonths", e.target.value)}>
            <option value="0">{t("noRenewal")}</option>
            {[1, 3, 6, 12].map((m) => (
              <option key={m} value={String(m)}>
                {t("renewEvery", { months: m })}
              </option>
            ))}
          </select>
          <FieldError id={`${formId}-renewalMonths-error`} text={errors.renewalMonths} />
        </label>
      ) : null}
    </div>
  );
}
