import { useState, type FormEvent } from "react";
import { api } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { useSession } from "../../session";
import type { ConsentEventView, ConsentView } from "../apiTypes";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { AgencyPicker } from "./AgencyPicker";
import { AccountDeletion } from "./AccountDeletion";
import { DataExport } from "./DataExport";
import { TalentInvitationRequests } from "./TalentInvitationRequests";
import {
  SharingTerms,
  changedTerms,
  useSharedItemNames,
  useSharedItemShortNames,
  usePurposeText,
  type SharedItem,
  type SharingTermsView,
} from "./sharingTerms";

const ALL_ITEMS: SharedItem[] = ["PROFILE", "SKILL_SHEET", "EMAIL", "AVAILABILITY", "MESSAGES", "CANDIDACY"];

const messages = defineMessages({
  ja: {
    title: "公開先",
    what: "プロフィールを公開すると、その会社（エージェント・企業）のスタッフは次の情報を見られるようになります。",
    purposeNote: "公開する前に、その会社が示す利用目的を確認できます。公開した時点の利用目的と公開内容は下の「公開の記録」に残り、あとで会社が利用目的を変更しても書き換えられません。変更された場合はこのページでお知らせします。",
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
    confirmShare: "{name} にプロフィールと稼働状況を公開しますか？\n\n利用目的: {purpose}\n\n公開される情報:\n{items}",
    confirmChanged: "{name} は、あなたが確認した後に利用目的または公開される情報を変更しました。まだ公開していません。\n\n新しい利用目的: {purpose}\n\n公開される情報:\n{items}\n\nこの内容で公開しますか？",
    notShared: "{name} には公開していません（利用目的が変更されたため）。",
    purposeCol: "利用目的（同意時）",
    purposeChanged: "利用目的が変更されました",
    purposeNow: "現在の利用目的: {purpose}",
    purposeChangedHelp: "公開を続けると、この会社は新しい利用目的で情報を利用します。同意できない場合は公開を停止してください。",
    thisPortalTerms: "このポータルの利用目的と公開される情報",
    logTitle: "公開の記録",
    logIntro: "公開・停止・招待による公開・終了のすべてを、そのとき示された利用目的と公開内容とともに記録しています（新しい順）。記録はあとから書き換えられません。",
    logEmpty: "まだ記録はありません。",
    logWhen: "日時",
    logWhat: "できごと",
    logItems: "公開内容",
    GIVEN: "公開",
    GIVEN_AGAIN: "再公開",
    GIVEN_BY_INVITATION: "招待を承諾して公開",
    REVOKED: "公開を停止",
    ENDED_BY_ERASURE: "アカウント削除により終了",
    ENDED_BY_TENANT_DELETION: "公開先の閉鎖により終了",
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
    purposeNote: "Before you share, you see the purpose the company states for using your data. The purpose and what is shared at that moment are kept in the consent log below and are never rewritten, even if the company changes its purpose later; if it does, this page tells you.",
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
    confirmShare: "Share your profile and availability with {name}?\n\nPurpose of use: {purpose}\n\nWhat is shared:\n{items}",
    confirmChanged: "{name} changed its purpose of use or what is shared after you read it. Nothing is shared yet.\n\nNew purpose of use: {purpose}\n\nWhat is shared:\n{items}\n\nShare on these terms?",
    notShared: "Not shared with {name} (its purpose of use changed).",
    purposeCol: "Purpose (when you agreed)",
    purposeChanged: "The purpose of use has changed",
    purposeNow: "Purpose now: {purpose}",
    purposeChangedHelp: "If you keep sharing, the company uses your data for the new purpose. If you do not agree, stop sharing.",
    thisPortalTerms: "This portal's purpose of use and what is shared",
    logTitle: "Consent log",
    logIntro: "Every share, stop, share through an invitation and end, with the purpose and what was shared as shown at that moment (newest first). Entries are never rewritten.",
    logEmpty: "Nothing recorded yet.",
    logWhen: "When",
    logWhat: "What happened",
    logItems: "What was shared",
    GIVEN: "Shared",
    GIVEN_AGAIN: "Shared again",
    GIVEN_BY_INVITATION: "Shared by accepting an invitation",
    REVOKED: "Stopped sharing",
    ENDED_BY_ERASURE: "Ended: account deleted",
    ENDED_BY_TENANT_DELETION: "Ended: the company closed",
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
  const log = useLoad((signal) => api<ConsentEventView[]>("/v1/me/consents/log", { signal }), []);
  const here = session.slug;
  const hereTerms = useLoad(
    (signal) =>
      here ? api<SharingTermsView>(`/v1/me/consents/${encodeURIComponent(here)}/terms`, { signal }) : Promise.resolve(null),
    [here],
  );
  const itemNames = useSharedItemNames();
  const shortNames = useSharedItemShortNames();
  const purposeText = usePurposeText();

  const upsert = (consent: ConsentView) =>
    set((list) =>
      list.some((c) => c.tenantSlug === consent.tenantSlug)
        ? list.map((c) => (c.tenantSlug === consent.tenantSlug ? consent : c))
        : [consent, ...list],
    );

  // The purpose and what is shared are shown before the consent is given: read them fresh.
  const share = (tenantSlug: string, name: string) => {
    void action.run(
      async () => {
        const path = `/v1/me/consents/${encodeURIComponent(tenantSlug)}`;
        let terms = await api<SharingTermsView>(path + "/terms");
        let question: "confirmShare" | "confirmChanged" = "confirmShare";
        // The consent is to the terms shown: if the company changed them meanwhile, the server
        // refuses and sends the new ones, which are shown and asked about again.
        for (let attempt = 0; ; attempt++) {
          const items = itemNames(terms.sharedItems)
            .map((item) => "・" + item)
            .join("\n");
          const shownName = terms.tenantName || name;
          if (!window.confirm(t(question, { name: shownName, purpose: terms.purpose, items }))) {
            return question === "confirmChanged" ? t("notShared", { name: shownName }) : null;
          }
          try {
            const consent = await api<ConsentView>(`${path}?termsVersion=${encodeURIComponent(terms.version)}`, {
              method: "PUT",
            });
            upsert(consent);
            log.reload();
            return t("shared", { name: consent.tenantName });
          } catch (e) {
            const current = changedTerms(e);
            if (!current || attempt >= 2) throw e;
            terms = current;
            question = "confirmChanged";
          }
        }
      },
      (e) => problemText(e, language),
    );
  };
  const revoke = (consent: ConsentView) => {
    if (!window.confirm(t("confirmRevoke", { name: consent.tenantName }))) return;
    void action.run(
      async () => {
        upsert(await api<ConsentView>(`/v1/me/consents/${encodeURIComponent(consent.tenantSlug)}`, { method: "DELETE" }));
        log.reload();
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

  return (
    <>
      <h1>{t("title")}</h1>
      <section className="explanation-box" aria-label={t("title")} id="sharing-explanation">
        <p style={{ marginTop: 0 }}>{t("what")}</p>
        <ul id="sharing-items">
          {itemNames(ALL_ITEMS).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>{t("purposeNote")}</p>
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
                  {hereTerms.loaded.state === "ready" && hereTerms.loaded.data ? (
                    <SharingTerms
                      id="this-portal-terms"
                      items={hereTerms.loaded.data.sharedItems}
                      purpose={hereTerms.loaded.data.purpose}
                    />
                  ) : null}
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
                        <th scope="col">{t("purposeCol")}</th>
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
                          <td data-label={t("purposeCol")} data-testid={"purpose-" + c.tenantSlug}>
                            <span className="consent-purpose">{purposeText(c.purpose)}</span>
                            {c.active && c.purposeChanged ? (
                              <div className="purpose-changed" role="note" data-testid={"purpose-changed-" + c.tenantSlug}>
                                <span className="badge revoked">{t("purposeChanged")}</span>
                                <div>{t("purposeNow", { purpose: c.currentPurpose })}</div>
                                <div className="muted">{t("purposeChangedHelp")}</div>
                              </div>
                            ) : null}
                          </td>
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
      <section aria-labelledby="consent-log-heading" id="consent-log-section">
        <h2 id="consent-log-heading">{t("logTitle")}</h2>
        <p className="muted">{t("logIntro")}</p>
        <LoadState loaded={log.loaded} reload={log.reload}>
          {(entries) =>
            entries.length === 0 ? (
              <p id="consent-log-empty">{t("logEmpty")}</p>
            ) : (
              <div className="table-wrap">
                <table className="grid responsive" id="consent-log">
                  <thead>
                    <tr>
                      <th scope="col">{t("logWhen")}</th>
                      <th scope="col">{t("tenant")}</th>
                      <th scope="col" style={{ whiteSpace: "nowrap" }}>
                        {t("logWhat")}
                      </th>
                      <th scope="col">{t("purposeCol")}</th>
                      <th scope="col">{t("logItems")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((entry) => (
                      <tr key={entry.id} data-testid={"consent-event-" + entry.kind}>
                        <td data-label={t("logWhen")}>{formatDate(language, entry.occurredAt)}</td>
                        <td data-label={t("tenant")}>{entry.tenantName}</td>
                        <td data-label={t("logWhat")} style={{ whiteSpace: "nowrap" }}>
                          {t(entry.kind)}
                        </td>
                        <td data-label={t("purposeCol")}>{purposeText(entry.purpose)}</td>
                        <td data-label={t("logItems")}>{shortNames(entry.sharedItems).join(language === "ja" ? "、" : ", ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </LoadState>
      </section>
      <DataExport />
      <AccountDeletion />
    </>
  );
}
