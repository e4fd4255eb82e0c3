import type { ReactNode } from "react";
import { colour, DEFAULT_ACCENT, DEFAULT_PRIMARY } from "../branding";
import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import type { Field, FieldError, TenantForm } from "../tenantForm";

export const fieldMessages = defineMessages({
  ja: {
    required: "入力してください。",
    tooLong: "長すぎます。",
    slugForm: "半角英小文字・数字・ハイフンで 3〜40 文字(先頭と末尾は英数字、ハイフンの連続は不可)。",
    slugReserved: "この名前は予約されていて使えません。",
    colourForm: "#rrggbb の形式で入力してください(例: #1f4fd1)。",
    logoForm: "https:// で始まる URL を入力してください。",
    hostForm: "ホスト名の形式が正しくありません(例: portal.example.jp)。",
    tooManyHosts: "ホスト名は 10 個までです。",
    emailForm: "メールアドレスの形式が正しくありません。",
    planUnknown: "プランを選んでください。",
    displayName: "表示名",
    logoUrl: "ロゴ画像の URL",
    logoHint: "https の URL。空欄なら頭文字のアイコンになります。",
    primaryColor: "主色",
    accentColor: "アクセント色",
    colourHint: "#rrggbb。空欄なら既定の色です。",
    pick: "{name}を選ぶ",
    hostNames: "独自ドメイン(任意)",
    hostHint: "1 行に 1 つ、最大 10 個。",
    optional: "任意",
  },
  en: {
    required: "Please fill this in.",
    tooLong: "This is too long.",
    slugForm:
      "3–40 lower-case letters, digits and hyphens; starts and ends with a letter or digit, no double hyphens.",
    slugReserved: "This name is reserved.",
    colourForm: "Use the #rrggbb form (for example #1f4fd1).",
    logoForm: "Enter a URL starting with https://.",
    hostForm: "Not a host name (for example portal.example.jp).",
    tooManyHosts: "At most 10 host names.",
    emailForm: "Not an email address.",
    planUnknown: "Choose a plan.",
    displayName: "Display name",
    logoUrl: "Logo URL",
    logoHint: "An https URL. Left empty, the portal shows the name's initial.",
    primaryColor: "Primary colour",
    accentColor: "Accent colour",
    colourHint: "#rrggbb. Left empty, the default colour.",
    pick: "Pick the {name}",
    hostNames: "Custom host names (optional)",
    hostHint: "One per line, at most 10.",
    optional: "optional",
  },
});

/** A field's error: a client-side rule (a message key) or the server's own sentence. */
export type Errors = Partial<Record<Field, FieldError | string>>;

export function useFieldError() {
  const t = useT(fieldMessages);
  return (error: FieldError | string | undefined) =>
    error === undefined ? undefined : error in fieldMessages.en ? t(error as FieldError) : error;
}

/** A labelled input whose hint and error are announced with it. */
export function LabelledField(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (a11y: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}) {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${props.name}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={props.error ? "field invalid" : "field"}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        name: props.name,
        "aria-invalid": !!props.error,
        "aria-describedby": described || undefined,
      })}
      {props.hint ? (
        <span className="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span className="field-error" id={`${props.name}-error`} data-testid={`error-${props.name}`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

type BrandingPart = Pick<
  TenantForm,
  "displayName" | "logoUrl" | "primaryColor" | "accentColor" | "hostNames"
>;

/** The branding inputs both tenant forms share. */
export function BrandingFields(props: {
  form: BrandingPart;
  errors: Errors;
  onChange: (field: keyof BrandingPart, value: string) => void;
}) {
  const t = useT(fieldMessages);
  const message = useFieldError();
  const { form, errors, onChange } = props;
  const colourField = (field: "primaryColor" | "accentColor", fallback: string) => (
    <LabelledField
      name={field}
      label={t(field)}
      hint={t("colourHint")}
      error={message(errors[field])}
    >
      {(a11y) => (
        <span className="colour-input">
          <input
            {...a11y}
            type="text"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            placeholder={fallback}
            maxLength={7}
            value={form[field]}
            onChange={(event) => onChange(field, event.target.value)}
          />
          <input
            type="color"
            aria-label={t("pick", { name: t(field) })}
            value={colour(form[field], fallback)}
            onChange={(event) => onChange(field, event.target.value)}
            data-testid={`${field}-picker`}
          />
        </span>
      )}
    </LabelledField>
  );
  return (
    <>
      <LabelledField name="displayName" label={t("displayName")} error={message(errors.displayName)}>
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            required
            maxLength={120}
            value={form.displayName}
            onChange={(event) => onChange("displayName", event.target.value)}
          />
        )}
      </LabelledField>
      <LabelledField
        name="logoUrl"
        label={t("logoUrl")}
        hint={t("logoHint")}
        error={message(errors.logoUrl)}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={form.logoUrl}
            onChange={(event) => onChange("logoUrl", event.target.value)}
          />
        )}
      </LabelledField>
      <div className="row">
        {colourField("primaryColor", DEFAULT_PRIMARY)}
        {colourField("accentColor", DEFAULT_ACCENT)}
      </div>
      <LabelledField
        name="hostNames"
        label={t("hostNames")}
        hint={t("hostHint")}
        error={message(errors.hostNames)}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            rows={2}
            spellCheck={false}
            value={form.hostNames}
            onChange={(event) => onChange("hostNames", event.target.value)}
          />
        )}
      </LabelledField>
    </>
  );
}
