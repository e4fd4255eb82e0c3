import { useState, type FormEvent } from "react";
import { api } from "../../api";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { EVENT_TYPES, dateTime, eventLabel, lastAttempt, outcome, plausibleUrl, prettyPayload } from "./integrations";
import type { CreatedWebhookView, DeliveryView, WebhookView } from "./integrationTypes";
import { ShownOnce } from "./ShownOnce";
import "./integrations.css";

const messages = defineMessages({
  ja: {
    title: "Webhook",
    intro:
      "選考の進行や契約の締結などを、自社システムの URL へ通知します。通知には Proxima-Signature ヘッダー（t=タイムスタンプ, v1=HMAC-SHA256 署名）が付きます。受信側は署名シークレットで「タイムスタンプ.本文」の署名を検証してください。失敗した通知は間隔を空けて再送し、続けて失敗すると自動停止します。",
    settings: "設定へ戻る",
    apiKeys: "APIキーの設定",
    create: "エンドポイントを追加",
    url: "送信先 URL",
    urlHint: "https:// で始まる公開された URL（社内ネットワークやループバックのアドレスは登録できません）",
    events: "通知するイベント",
    add: "追加する",
    urlInvalid: "http:// または https:// で始まる URL を入力してください。",
    eventRequired: "イベントを 1 つ以上選んでください。",
    added: "エンドポイントを追加しました。",
    secretLabel: "署名シークレット",
    list: "エンドポイント",
    empty: "まだエンドポイントはありません。",
    active: "有効",
    off: "停止中",
    autoOff: "自動停止されたエンドポイントがあります。受信側を確認してから「再開」してください。",
    disabledBecause: "停止理由: {reason}（{at}）",
    failures: "連続失敗 {count} 回",
    test: "テスト送信",
    tested: "テストイベントを送信キューに入れました。",
    showLog: "配信ログ",
    hideLog: "配信ログを閉じる",
    pause: "停止",
    resume: "再開",
    resumed: "エンドポイントを再開しました。",
    paused: "エンドポイントを停止しました。",
    remove: "削除",
    confirmRemove: "{url} を削除しますか？ 配信ログも削除されます。",
    removed: "エンドポイントを削除しました。",
    logEmpty: "まだ配信はありません。",
    reload: "更新",
    at: "日時",
    event: "イベント",
    status: "状態",
    attempts: "試行",
    last: "最終応答",
    next: "次回 {at}",
    PENDING: "送信待ち",
    DELIVERED: "配信済み",
    FAILED: "失敗",
    redeliver: "再送",
    redelivered: "再送をキューに入れました。",
    payload: "本文と試行履歴",
  },
  en: {
    title: "Webhooks",
    intro:
      "Events such as an application moving or a contract being signed, posted to your own system's URL. Each carries a Proxima-Signature header (t=timestamp, v1=HMAC-SHA256); verify the signature of “timestamp.body” with the signing secret. Failed deliveries are retried with growing waits; an endpoint that keeps failing is switched off.",
    settings: "Back to settings",
    apiKeys: "API key settings",
    create: "Add an endpoint",
    url: "Endpoint URL",
    urlHint: "A public URL, preferably https:// (private network and loopback addresses are refused)",
    events: "Events",
    add: "Add",
    urlInvalid: "Enter a URL starting with http:// or https://.",
    eventRequired: "Choose at least one event.",
    added: "Endpoint added.",
    secretLabel: "Signing secret",
    list: "Endpoints",
    empty: "No endpoints yet.",
    active: "Active",
    off: "Off",
    autoOff: "An endpoint was switched off automatically. Check the receiver, then resume it.",
    disabledBecause: "Switched off: {reason} ({at})",
    failures: "{count} failures in a row",
    test: "Send test",
    tested: "Test event queued.",
    showLog: "Delivery log",
    hideLog: "Hide log",
    pause: "Switch off",
    resume: "Resume",
    resumed: "Endpoint resumed.",
    paused: "Endpoint switched off.",
    remove: "Remove",
    confirmRemove: "Remove {url}? Its delivery log goes too.",
    removed: "Endpoint removed.",
    logEmpty: "No deliveries yet.",
    reload: "Refresh",
    at: "Time",
    event: "Event",
    status: "Status",
    attempts: "Attempts",
    last: "Last answer",
    next: "next {at}",
    PENDING: "Pending",
    DELIVERED: "Delivered",
    FAILED: "Failed",
    redeliver: "Redeliver",
    redelivered: "Redelivery queued.",
    payload: "Body and attempts",
  },
});

const FORM_ID = "webhook-form";

/** `/settings/webhooks`: the tenant's webhook endpoints and their delivery logs. */
export function Webhooks() {
  const t = useT(messages);
  const language = useLang();
  const loaded = useLoad((signal) => api<WebhookView[]>("/v1/webhooks", { signal }), []);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const action = useAction();

  const toggle = (type: string) =>
    setEvents((before) => (before.includes(type) ? before.filter((e) => e !== type) : [...before, type]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!plausibleUrl(url)) return setError(t("urlInvalid"));
    if (events.length === 0) return setError(t("eventRequired"));
    setError(null);
    void action.run(
      async () => {
        const created = await api<CreatedWebhookView>("/v1/webhooks", {
          method: "POST",
          body: { url: url.trim(), eventTypes: events },
        });
        setSecret(created.secret);
        loaded.set((before) => [created.webhook, ...before]);
        setUrl("");
        setEvents([]);
        return t("added");
      },
      (e) => problemText(e, language),
    );
  };

  return (
    <section className="stack" aria-labelledby="webhooks-title">
      <div className="page-head">
        <div>
          <h1 id="webhooks-title">{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </div>
        <div className="endpoint-actions">
          <Link to="/settings/api-keys" className="button subtle">
            {t("apiKeys")}
          </Link>
          <Link to="/settings" className="button subtle">
            {t("settings")}
          </Link>
        </div>
      </div>
      {secret ? <ShownOnce id="webhook-secret" label={t("secretLabel")} secret={secret} onDone={() => setSecret(null)} /> : null}
      <form id={FORM_ID} className="card stack" onSubmit={submit} noValidate>
        <h2>{t("create")}</h2>
        <label className="field">
          {t("url")}
          <input
            id={`${FORM_ID}-url`}
            type="url"
            inputMode="url"
            value={url}
            maxLength={2000}
            placeholder="https://hooks.example.jp/proxima"
            onChange={(e) => setUrl(e.target.value)}
          />
          <span className="hint">{t("urlHint")}</span>
        </label>
        <fieldset className="group">
          <legend>{t("events")}</legend>
          <div className="scope-list">
            {EVENT_TYPES.map((e) => (
              <label key={e.type}>
                <input type="checkbox" data-event={e.type} checked={events.includes(e.type)} onChange={() => toggle(e.type)} />
                <span>
                  {e[language]} <code className="mono">{e.type}</code>
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
            {t("add")}
          </button>
        </div>
      </form>
      <NoticeLine notice={action.notice} id="webhooks-notice" />
      <h2>{t("list")}</h2>
      <LoadState loaded={loaded.loaded} reload={loaded.reload}>
        {(endpoints) => (
          <>
            {endpoints.some((e) => !e.active && e.disabledReason && e.consecutiveFailures > 0) ? (
              <p className="banner warning" role="alert" id="webhooks-auto-off">
                {t("autoOff")}
              </p>
            ) : null}
            {endpoints.length === 0 ? (
              <p id="webhooks-empty">{t("empty")}</p>
            ) : (
              <ul className="stack" id="webhooks" style={{ listStyle: "none", padding: 0 }}>
                {endpoints.map((endpoint) => (
                  <Endpoint
                    key={endpoint.id}
                    endpoint={endpoint}
                    onChanged={(next) => loaded.set((before) => before.map((e) => (e.id === next.id ? next : e)))}
                    onRemoved={() => loaded.set((before) => before.filter((e) => e.id !== endpoint.id))}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}

function Endpoint(props: { endpoint: WebhookView; onChanged: (e: WebhookView) => void; onRemoved: () => void }) {
  const t = useT(messages);
  const language = useLang();
  const { endpoint } = props;
  const [showLog, setShowLog] = useState(false);
  const [logGeneration, setLogGeneration] = useState(0);
  const action = useAction();

  const switchTo = (active: boolean) =>
    void action.run(
      async () => {
        const next = await api<WebhookView>(`/v1/webhooks/${endpoint.id}`, { method: "PATCH", body: { active } });
        props.onChanged(next);
        return t(active ? "resumed" : "paused");
      },
      (e) => problemText(e, language),
    );

  const test = () =>
    void action.run(
      async () => {
        await api<DeliveryView>(`/v1/webhooks/${endpoint.id}/test`, { method: "POST" });
        setShowLog(true);
        setLogGeneration((g) => g + 1);
        return t("tested");
      },
      (e) => problemText(e, language),
    );

  const remove = () => {
    if (!window.confirm(t("confirmRemove", { url: endpoint.url }))) return;
    void action.run(
      async () => {
        await api<void>(`/v1/webhooks/${endpoint.id}`, { method: "DELETE" });
        props.onRemoved();
        return t("removed");
      },
      (e) => problemText(e, language),
    );
  };

  return (
    <li className="card stack" data-testid={"webhook-" + endpoint.id} data-active={endpoint.active}>
      <div className="endpoint-head">
        <div>
          <p className="mono endpoint-url">{endpoint.url}</p>
          <p>
            <span className={"badge " + (endpoint.active ? "active" : "off")}>{t(endpoint.active ? "active" : "off")}</span>{" "}
            {endpoint.consecutiveFailures > 0 ? (
              <span className="muted">{t("failures", { count: endpoint.consecutiveFailures })}</span>
            ) : null}
          </p>
          <p className="muted">{endpoint.eventTypes.map((e) => eventLabel(language, e)).join("、")}</p>
          {!endpoint.active && endpoint.disabledReason ? (
            <p className="error" data-testid="disabled-reason">
              {t("disabledBecause", { reason: endpoint.disabledReason, at: dateTime(language, endpoint.disabledAt) })}
            </p>
          ) : null}
        </div>
        <div className="endpoint-actions">
          <button type="button" className="button" disabled={action.busy || !endpoint.active} data-testid="test" onClick={test}>
            {t("test")}
          </button>
          <button type="button" className="button subtle" data-testid="toggle-log" onClick={() => setShowLog((s) => !s)}>
            {t(showLog ? "hideLog" : "showLog")}
          </button>
          <button type="button" className="button subtle" disabled={action.busy} onClick={() => switchTo(!endpoint.active)}>
            {t(endpoint.active ? "pause" : "resume")}
          </button>
          <button type="button" className="button danger" disabled={action.busy} onClick={remove}>
            {t("remove")}
          </button>
        </div>
      </div>
      <NoticeLine notice={action.notice} />
      {showLog ? <DeliveryLog endpointId={endpoint.id} generation={logGeneration} /> : null}
    </li>
  );
}

function DeliveryLog({ endpointId, generation }: { endpointId: string; generation: number }) {
  const t = useT(messages);
  const language = useLang();
  const loaded = useLoad(
    (signal) => api<DeliveryView[]>(`/v1/webhooks/${endpointId}/deliveries`, { signal }),
    [endpointId, generation],
  );
  const action = useAction();
  const redeliver = (delivery: DeliveryView) =>
    void action.run(
      async () => {
        const again = await api<DeliveryView>(`/v1/webhooks/${endpointId}/deliveries/${delivery.id}/redeliver`, {
          method: "POST",
        });
        loaded.set((before) => before.map((d) => (d.id === again.id ? { ...again, attemptLog: d.attemptLog } : d)));
        return t("redelivered");
      },
      (e) => problemText(e, language),
    );
  return (
    <div className="stack delivery-log">
      <div>
        <button type="button" className="button subtle" data-testid="reload-log" onClick={loaded.reload}>
          {t("reload")}
        </button>
      </div>
      <NoticeLine notice={action.notice} />
      <LoadState loaded={loaded.loaded} reload={loaded.reload}>
        {(deliveries) =>
          deliveries.length === 0 ? (
            <p className="log-empty">{t("logEmpty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="grid responsive deliveries">
                <thead>
                  <tr>
                    <th scope="col">{t("at")}</th>
                    <th scope="col">{t("event")}</th>
                    <th scope="col">{t("status")}</th>
                    <th scope="col">{t("attempts")}</th>
                    <th scope="col">{t("last")}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((d) => {
                    const last = lastAttempt(d);
                    return (
                      <tr key={d.id} data-testid={"delivery-" + d.id} data-status={d.status} data-event={d.eventType}>
                        <td data-label={t("at")}>{dateTime(language, d.createdAt)}</td>
                        <td data-label={t("event")}>
                          {eventLabel(language, d.eventType)}
                          <details>
                            <summary>{t("payload")}</summary>
                            <pre className="payload">{prettyPayload(d.payload)}</pre>
                            <ul>
                              {(d.attemptLog ?? []).map((a) => (
                                <li key={a.attemptedAt}>
                                  {dateTime(language, a.attemptedAt)}: {outcome(language, a)}
                                </li>
                              ))}
                            </ul>
                          </details>
                        </td>
                        <td data-label={t("status")}>
                          <span className={"badge " + d.status}>{t(d.status)}</span>
                          {d.status === "PENDING" && d.nextAttemptAt ? (
                            <span className="muted"> {t("next", { at: dateTime(language, d.nextAttemptAt) })}</span>
                          ) : null}
                        </td>
                        <td data-label={t("attempts")}>{d.attempts}</td>
                        <td data-label={t("last")} className="last-answer">
                          {last ? outcome(language, last) : "—"}
                        </td>
                        <td>
                          <button type="button" className="button subtle" disabled={action.busy} onClick={() => redeliver(d)}>
                            {t("redeliver")}
                          </button>
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
    </div>
  );
}
