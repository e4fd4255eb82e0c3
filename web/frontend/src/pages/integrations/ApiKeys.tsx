import { useState, type FormEvent } from "react";
import { api } from "../../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { SCOPES, dateTime, keyState, scopeLabel } from "./integrations";
import type { ApiKeyView, IssuedKeyView } from "./integrationTypes";
import { ShownOnce } from "./ShownOnce";
import "./integrations.css";

const messages = defineMessages({
  ja: {
    title: "APIキー",
    intro:
      "自社システムから Proxima の API を呼び出すためのキーです。キーは許可した範囲（スコープ）の操作だけに使え、管理者の操作（メンバー・APIキー・Webhook の管理）はできません。リクエストの X-Api-Key ヘッダーに指定してください。",
    settings: "設定へ戻る",
    webhooks: "Webhook の設定",
    create: "新しいキーを発行",
    name: "キーの名前",
    nameHint: "用途が分かる名前（例: 基幹システム連携）",
    scopes: "許可する操作（スコープ）",
    issue: "発行する",
    nameRequired: "名前を入力してください。",
    scopeRequired: "スコープを 1 つ以上選んでください。",
    issued: "APIキー「{name}」を発行しました。",
    secretLabel: "発行したキー（{prefix}…）",
    list: "発行済みのキー",
    empty: "まだキーはありません。",
    keyName: "名前",
    prefix: "識別子",
    scopeColumn: "スコープ",
    created: "発行日時",
    lastUsed: "最終利用",
    never: "未使用",
    state: "状態",
    active: "有効",
    overlap: "切替中（旧キーは {until} まで有効）",
    revoked: "無効化済み",
    rotate: "再発行",
    rotateOverlap: "旧キーを 1 時間有効にして再発行",
    revoke: "無効化",
    confirmRotate: "「{name}」のキーを再発行しますか？ 旧キーはすぐに使えなくなります。",
    confirmRotateOverlap: "「{name}」のキーを再発行しますか？ 旧キーは 1 時間だけ使えます。",
    confirmRevoke: "「{name}」を無効化しますか？ このキーを使った呼び出しはすぐに拒否されます。",
    rotated: "「{name}」を再発行しました。",
    revokedDone: "「{name}」を無効化しました。",
    rotatedLabel: "再発行したキー（{prefix}…）",
  },
  en: {
    title: "API keys",
    intro:
      "Keys for your own systems to call the Proxima API. A key can do only what its scopes allow and never the administrators' work (members, API keys, webhooks). Send it in the X-Api-Key header.",
    settings: "Back to settings",
    webhooks: "Webhook settings",
    create: "Create a key",
    name: "Key name",
    nameHint: "What it is for (e.g. ERP integration)",
    scopes: "Allowed operations (scopes)",
    issue: "Create",
    nameRequired: "Enter a name.",
    scopeRequired: "Choose at least one scope.",
    issued: "API key “{name}” created.",
    secretLabel: "Your new key ({prefix}…)",
    list: "Keys",
    empty: "No keys yet.",
    keyName: "Name",
    prefix: "Identifier",
    scopeColumn: "Scopes",
    created: "Created",
    lastUsed: "Last used",
    never: "Never",
    state: "State",
    active: "Active",
    overlap: "Rotating (old secret valid until {until})",
    revoked: "Revoked",
    rotate: "Rotate",
    rotateOverlap: "Rotate, old one valid 1 h",
    revoke: "Revoke",
    confirmRotate: "Rotate “{name}”? The old secret stops working at once.",
    confirmRotateOverlap: "Rotate “{name}”? The old secret keeps working for one hour.",
    confirmRevoke: "Revoke “{name}”? Calls with it are refused at once.",
    rotated: "“{name}” rotated.",
    revokedDone: "“{name}” revoked.",
    rotatedLabel: "The new secret ({prefix}…)",
  },
});

const FORM_ID = "api-key-form";

/** `/settings/api-keys`: the tenant's API keys; a secret is shown once, when it is made. */
export function ApiKeys() {
  const t = useT(messages);
  const language = useLang();
  const loaded = useLoad((signal) => api<ApiKeyView[]>("/v1/api-keys", { signal }), []);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ label: string; secret: string } | null>(null);
  const action = useAction();

  const toggle = (scope: string) =>
    setScopes((before) => (before.includes(scope) ? before.filter((s) => s !== scope) : [...before, scope]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t("nameRequired"));
    if (scopes.length === 0) return setError(t("scopeRequired"));
    setError(null);
    void action.run(
      async () => {
        const issued = await api<IssuedKeyView>("/v1/api-keys", {
          method: "POST",
          body: { name: name.trim(), scopes },
        });
        setShown({ label: t("secretLabel", { prefix: issued.key.prefix }), secret: issued.secret });
        loaded.set((before) => [issued.key, ...before]);
        setName("");
        setScopes([]);
        return t("issued", { name: issued.key.name });
      },
      (e) => problemText(e, language),
    );
  };

  const rotate = (key: ApiKeyView, overlapMinutes: number) => {
    if (!window.confirm(t(overlapMinutes ? "confirmRotateOverlap" : "confirmRotate", { name: key.name }))) return;
    void action.run(
      async () => {
        const issued = await api<IssuedKeyView>(`/v1/api-keys/${key.id}/rotate`, {
          method: "POST",
          body: { overlapMinutes },
        });
        setShown({ label: t("rotatedLabel", { prefix: issued.key.prefix }), secret: issued.secret });
        loaded.set((before) => before.map((k) => (k.id === key.id ? issued.key : k)));
        return t("rotated", { name: key.name });
      },
      (e) => problemText(e, language),
    );
  };

  const revoke = (key: ApiKeyView) => {
    if (!window.confirm(t("confirmRevoke", { name: key.name }))) return;
    void action.run(
      async () => {
        const revoked = await api<ApiKeyView>(`/v1/api-keys/${key.id}/revoke`, { method: "POST" });
        loaded.set((before) => before.map((k) => (k.id === key.id ? revoked : k)));
        return t("revokedDone", { name: key.name });
      },
      (e) => problemText(e, language),
    );
  };

  return (
    <section className="stack" aria-labelledby="api-keys-title">
      <div className="page-head">
        <div>
          <h1 id="api-keys-title">{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <div className="endpoint-actions">
          <Link to="/settings/webhooks" className="button subtle">
            {t("webhooks")}
          </Link>
          <Link to="/settings" className="button subtle">
            {t("settings")}
          </Link>
        </div>
      </div>
      {shown ? <ShownOnce id="api-key-secret" label={shown.label} secret={shown.secret} onDone={() => setShown(null)} /> : null}
      <form id={FORM_ID} className="card stack" onSubmit={submit} noValidate>
        <h2>{t("create")}</h2>
        <label className="field">
          {t("name")}
          <input id={`${FORM_ID}-name`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          <span className="hint">{t("nameHint")}</span>
        </label>
        <fieldset className="group">
          <legend>{t("scopes")}</legend>
          <div className="scope-list">
            {SCOPES.map((s) => (
              <label key={s.scope}>
                <input
                  type="checkbox"
                  data-scope={s.scope}
                  checked={scopes.includes(s.scope)}
                  onChange={() => toggle(s.scope)}
                />
                <span>
                  {s[language]} <code className="mono">{s.scope}</code>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {error ? (
          <p className="error" role="alert" id={`${FORM_ID}-error`}>
            {error}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button accent" id={`${FORM_ID}-submit`} disabled={action.busy}>
            {t("issue")}
          </button>
        </div>
      </form>
      <NoticeLine notice={action.notice} id="api-keys-notice" />
      <h2>{t("list")}</h2>
      <LoadState loaded={loaded.loaded} reload={loaded.reload}>
        {(keys) =>
          keys.length === 0 ? (
            <p id="api-keys-empty">{t("empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="grid responsive" id="api-keys">
                <thead>
                  <tr>
                    <th scope="col">{t("keyName")}</th>
                    <th scope="col">{t("prefix")}</th>
                    <th scope="col">{t("scopeColumn")}</th>
                    <th scope="col">{t("created")}</th>
                    <th scope="col">{t("lastUsed")}</th>
                    <th scope="col">{t("state")}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {keys.map((key) => {
                    const state = keyState(key, new Date());
                    return (
                      <tr key={key.id} data-testid={"key-" + key.id} data-state={state}>
                        <td data-label={t("keyName")}>{key.name}</td>
                        <td data-label={t("prefix")}>
                          <code className="mono">{key.prefix}…</code>
                        </td>
                        <td data-label={t("scopeColumn")}>{key.scopes.map((s) => scopeLabel(language, s)).join("、")}</td>
                        <td data-label={t("created")}>{dateTime(language, key.createdAt)}</td>
                        <td data-label={t("lastUsed")} className="last-used">
                          {key.lastUsedAt ? dateTime(language, key.lastUsedAt) : t("never")}
                        </td>
                        <td data-label={t("state")}>
                          <span className={"badge " + state}>
                            {state === "overlap"
                              ? t("overlap", { until: dateTime(language, key.previousValidUntil) })
                              : t(state)}
                          </span>
                        </td>
                        <td>
                          {state === "revoked" ? null : (
                            <div className="endpoint-actions">
                              <button type="button" className="button" disabled={action.busy} onClick={() => rotate(key, 0)}>
                                {t("rotate")}
                              </button>
                              <button type="button" className="button subtle" disabled={action.busy} onClick={() => rotate(key, 60)}>
                                {t("rotateOverlap")}
                              </button>
                              <button
                                type="button"
                                className="button danger"
                                disabled={action.busy}
                                data-testid={"revoke-" + key.id}
                                onClick={() => revoke(key)}
                              >
                                {t("revoke")}
                              </button>
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
    </section>
  );
}
