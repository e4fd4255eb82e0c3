import { defineMessages, LANGS, setLang, useLang, useT, type Lang } from "./i18n";

const messages = defineMessages({ ja: { language: "表示言語" }, en: { language: "Language" } });

/** Each language named in itself, so a reader of either finds their own. */
const NAMES: Record<Lang, string> = { ja: "日本語", en: "English" };

/** The language menu of the page header; the choice is kept in this browser. */
export function LanguageSelect() {
  const t = useT(messages);
  const language = useLang();
  return (
    <label className="language">
      <span className="visually-hidden">{t("language")}</span>
      <select
        value={language}
        onChange={(event) => setLang(event.target.value as Lang)}
        id="language"
      >
        {LANGS.map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
