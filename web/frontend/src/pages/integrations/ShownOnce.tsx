import { useState } from "react";
import { defineMessages, useT } from "@proxima/frontend-core/i18n";

const messages = defineMessages({
  ja: {
    warning: "この値は今だけ表示されます。画面を離れると二度と表示できません。安全な場所に保管してください。",
    copy: "コピー",
    copied: "コピーしました",
    copyFailed: "コピーできませんでした。選択してコピーしてください。",
    done: "保管しました",
  },
  en: {
    warning: "Shown this once. Once you leave, it cannot be shown again; store it somewhere safe.",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Could not copy; select the text and copy it.",
    done: "I stored it",
  },
});

/** A secret the platform keeps no readable copy of (or shows only now), with a copy button. */
export function ShownOnce(props: { id: string; label: string; secret: string; onDone: () => void }) {
  const t = useT(messages);
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <section className="card stack shown-once" id={props.id} aria-labelledby={props.id + "-label"}>
      <h2 id={props.id + "-label"}>{props.label}</h2>
      <p className="banner warning" role="alert">
        {t("warning")}
      </p>
      <div className="secret-row">
        <input
          readOnly
          className="secret"
          id={props.id + "-value"}
          value={props.secret}
          aria-labelledby={props.id + "-label"}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button accent" id={props.id + "-copy"} onClick={() => void copy()}>
          {t("copy")}
        </button>
      </div>
      <p className="notice ok" role="status">
        {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
      </p>
      <div>
        <button type="button" className="button subtle" id={props.id + "-done"} onClick={props.onDone}>
          {t("done")}
        </button>
      </div>
    </section>
  );
}
