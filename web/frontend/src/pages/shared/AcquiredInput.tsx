import type { ReactNode } from "react";
import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { acquiredOf } from "./format";

const messages = defineMessages({
  ja: { acquired: "取得時期", acquiredHint: "2022-04 または 2022（年だけでも可）" },
  en: { acquired: "Acquired", acquiredHint: "2022-04, or 2022 for the year alone" },
});

/** The input's id and its invalid state, as each form's field helper gives them. */
type FieldProps = { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/**
 * When a certification was acquired: a month or a year alone (a sheet often gives only the year),
 * which <input type="month"> cannot hold. Text with its format beside it; what was typed another
 * way ("2022年4月", "2022/4") is shown as it will be saved on leaving the field.
 */
export function AcquiredInput(props: {
  field: FieldProps;
  value: string;
  onChange: (value: string) => void;
  error: ReactNode;
}) {
  const t = useT(messages);
  const { field, value, onChange, error } = props;
  const hint = `${field.id}-hint`;
  return (
    <label className="field">
      {t("acquired")}
      <input
        {...field}
        aria-describedby={[hint, field["aria-describedby"]].filter(Boolean).join(" ")}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          const read = acquiredOf(value).value;
          if (read && read !== value) onChange(read);
        }}
        placeholder="2022-04"
        pattern="\d{4}(-\d{2})?"
        maxLength={10}
        autoComplete="off"
      />
      <span className="hint" id={hint}>
        {t("acquiredHint")}
      </span>
      {error}
    </label>
  );
}
