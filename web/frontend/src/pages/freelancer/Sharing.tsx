import { useState, type FormEvent } from "react";
import { api } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { useSession } from "../../session";
import type { ConsentView } from "../apiTypes";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { AgencyPicker } from "./AgencyPicker";
import { AccountDeletion } from "./AccountDeletion";
import { DataExport } from "./DataExport";
import { TalentInvitationRequests } from "./TalentInvitationRequests";

const messages = defineMessages({
  ja: {
    title: "公開先",
    what: "プロフィールを公開すると、その会社（エージェント・企業）のスタッフは次の情報を見られるようになります。",
    what1: "プロフィール（氏名・職種・自己PR・スキル・職務経歴・学歴・資格・希望条件・リンク）とスキルシートPDF",
    what2: "稼働状況（空き状況ボードにリアルタイムで表示されます）",
    what3: "メッセージやスカウトの送信、案件への候補者としての表示",
    revokeNote: "公開はいつでも停止できます。停止するとすぐにその会社のボードや候補者一覧から外れ、プロフィールは閲覧できなくなります。停止前に閲覧・ダウンロードされた情報は取り消せません。閲覧の記録はプロフィールページで確認できます。",
    thisPortal: "このポータル（{name}）",
    shareHere: "このポータルに公開する",
    sharedHere: "このポータルに公開中です。",
    list: "公開先の一覧",
    empty: "まだどこにも公開していません。",
    tenant: "公開先",
    status: "状態",
    since: "公開日",
    revokedAt: "停止日",
    active: "公開中",
    revoked: "停止中",
    share: "公開する",
    shareAgain: "再び公開する",
    revoke: "公開を停止",
    confirmRevoke: "{name} への公開を停止しますか？すぐにボードと候補者一覧から外れます。",
    confirmShare: "{name} にプロフィールと稼働状況を公開しますか？",
    shared: "{name} に公開しました。",
    stopped: "{name} への公開を停止しました。",
    addTitle: "ポータルIDを指定して公開する（企業から案内された場合）",
    slug: "公開先のポータルID（URL の /t/ の後ろの部分）",
    slugHint: "例: https://…/t/acme/ なら acme",
    slugRequired: "ポータルIDを入力してください。",
    slugFormat: "ポータルIDは半角英小文字・数字・ハイフンです。",
  },
  en: {
    title: "Sharing",
    what: "When you share your profile with a company (an agency or a client), its staff can:",
    what1: "see your profile (name, title, summary, skills, work history, education, certifications, desired conditions, links) and your skill sheet PDF",
    what2: "see your availability, live on their availability board",
    what3: "message you, scout you, and see you as a candidate for their jobs",
    revokeNote: "You can stop sharing at any time. You leave their boards and candidate lists at once and they can no longer open your profile. What they viewed or downloaded before cannot be taken back; your profile page lists every view.",
    thisPortal: "This portal ({name})",
    shareHere: "Share with this portal",
    sharedHere: "You share with this portal.",
    list: "Who you share with",
    empty: "You do not share with anyone yet.",
    tenant: "With",
    status: "Status",
    since: "Shared",
    revokedAt: "Stopped",
    active: "Sharing",
    revoked: "Stopped",
    share: "Share",
    shareAgain: "Share again",
    revoke: "Stop sharing",
    confirmRevoke: "Stop sharing with {name}? You leave their board and candidate lists at once.",
    confirmShare: "Share your profile and availability with {name}?",
    shared: "Now sharing with {name}.",
    stopped: "Stopped sharing with {name}.",
    addTitle: "Share by portal ID (when a company gave you theirs)",
    slug: "The portal's ID (what follows /t/ in its address)",
    slugHint: "e.g. acme for https://…/t/acme/",
    slugRequired: "Enter the portal's ID.",
    slugFormat: "A portal ID is lower-case letters, digits and hyphens.",
  },
});

/** `/sharing`: consent per tenant, given and withdrawn by the freelancer. */
export function Sharing() {
  const t = useT(messages);
  const language = useLang();
  const session = useSession();
  const [slug, setSlug] = useState("");
  const [slugError, setSlugError] = useState<string | null>(null);
  const action = useAction();
  const { loaded, reload, set } = useLoad((signal) => api<ConsentView[]>("/v1/me/consents", { signal }), []);

  const upsert = (consent: ConsentView) =>
    set((list) =>
      list.some((c) => c.tenantSlug === consent.tenantSlug)
        ? list.map((c) => (c.tenantSlug === consent.tenantSlug ? consent : c))
        : [consent, ...list],
    );

  const share = (tenantSlug: string, name: string) => {
    if (!window.confirm(t("confirmShare", { name }))) return;
    void action.run(
      async () => {
        const consent = await api<ConsentView>(`/v1/me/consents/${encodeURIComponent(tenantSlug)}`, { method: "PUT" });
        upsert(consent);
        return t("shared", { name: consent.tenantName });
      },
      (e) => problemText(e, language),
    );
  };
  const revoke = (consent: ConsentView) => {
    if (!window.confirm(t("confirmRevoke", { name: consent.tenantName }))) return;
    void action.run(
      async () => {
        upsert(await api<ConsentView>(`/v1/me/consents/${encodeURIComponent(consent.tenantSlug)}`, { method: "DELETE" }));
        return t("stopped", { name: consent.tenantName });
      },
      (e) => problemText(e, language),
    );
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const value = slug.trim().toLowerCase();
    if (!value) return setSlugError(t("slugRequired"));
    if (!/^[a-z0-9][a-z0-9-]*$/.test(value)) return setSlugError(t("slugFormat"));
    setSlugError(null);
    share(value, value);
  };

  const here = session.slug;

  return (
    <>
      <h1>{t("title")}</h1>
      <section className="explanation-box" aria-label={t("title")} id="sharing-explanation">
        <p style={{ marginTop: 0 }}>{t("what")}</p>
        <ul>
          <li>{t("what1")}</li>
          <li>{t("what2")}</li>
          <li>{t("what3")}</li>
        </ul>
        <p style={{ marginBottom: 0 }}>{t("revokeNote")}</p>
      </section>
      <TalentInvitationRequests onAccepted={reload} />
      <NoticeLine notice={action.notice} id="sharing-notice" />
      <LoadState loaded={loaded} reload={reload}>
        {(consents) => {
          const current = here ? consents.find((c) => c.tenantSlug === here) : undefined;
          return (
            <>
              {here ? (
                <section className="card" aria-labelledby="this-portal-heading" id="sharing-this-portal">
                  <h2 id="this-portal-heading" style={{ marginTop: 0 }}>
                    {t("thisPortal", { name: session.branding.displayName })}
                  </h2>
                  {current?.active ? (
                    <p>{t("sharedHere")}</p>
                  ) : (
                    <button
                      type="button"
                      className="button accent"
                      disabled={action.busy}
                      id="share-this-portal"
                      onClick={() => share(here, session.branding.displayName)}
                    >
                      {t("shareHere")}
                    </button>
                  )}
                </section>
              ) : null}
              <h2>{t("list")}</h2>
              {consents.length === 0 ? (
                <p id="consents-empty">{t("empty")}</p>
              ) : (
                <div className="table-wrap">
                  <table className="grid responsive" id="consents">
                    <thead>
                      <tr>
                        <th scope="col">{t("tenant")}</th>
                        <th scope="col">{t("status")}</th>
                        <th scope="col">{t("since")}</th>
                        <th scope="col">{t("revokedAt")}</th>
                        <th scope="col" />
                      </tr>
                    </thead>
                    <tbody>
                      {consents.map((c) => (
                        <tr key={c.tenantSlug} data-testid={"consent-" + c.tenantSlug} data-active={c.active}>
                          <td data-label={t("tenant")}>{c.tenantName}</td>
                          <td data-label={t("status")}>
                            <span className={"badge " + (c.active ? "active" : "revoked")}>{t(c.active ? "active" : "revoked")}</span>
                          </td>
                          <td data-label={t("since")}>{formatDate(language, c.grantedAt)}</td>
                          <td data-label={t("revokedAt")}>{formatDate(language, c.revokedAt)}</td>
                          <td>
                            {c.active ? (
                              <button
                                type="button"
                                className="button danger"
                                disabled={action.busy}
                                data-testid={"revoke-" + c.tenantSlug}
                                onClick={() => revoke(c)}
                              >
                                {t("revoke")}
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="button"
                                disabled={action.busy}
                                data-testid={"share-" + c.tenantSlug}
                                onClick={() => share(c.tenantSlug, c.tenantName)}
                              >
                                {t("shareAgain")}
                              </button>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </LoadState>
      <AgencyPicker
        sharing={loaded.state === "ready" ? loaded.data : []}
        busy={action.busy}
        onShare={share}
      />
      <form className="card" onSubmit={add} id="share-form" noValidate style={{ marginTop: 16 }}>
        <h2 style={{ marginTop: 0 }}>{t("addTitle")}</h2>
        <div className="toolbar">
          <label className="field">
            {t("slug")}
            <input
              id="share-slug"
              value={slug}
              onChange={(e) => setSlug(e.target.value)}
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={slugError ? true : undefined}
              aria-describedby={"share-slug-hint" + (slugError ? " share-slug-error" : "")}
            />
            <span className="hint" id="share-slug-hint">
              {t("slugHint")}
            </span>
            {slugError ? (
              <span className="field-error error" id="share-slug-error">
                {slugError}
              </span>
            ) : null}
          </label>
          <button type="submit" className="button" disabled={action.busy} id="share-submit">
            {t("share")}
          </button>
        </div>
      </form>
      <DataExport />
      <AccountDeletion />
    </>
  );
}
