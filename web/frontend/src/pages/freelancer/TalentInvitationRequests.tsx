import { api } from "../../api";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { problemText } from "../shared/problems";
import { LoadState, NoticeLine, useAction, useLoad } from "../shared/ui";
import { SharingTerms, changedTerms } from "./sharingTerms";
import { answerable, daysLeft, type MyTalentInvitationView } from "./talentInvitations";

const messages = defineMessages({
  ja: {
    title: "届いている公開の依頼",
    intro: "次の会社から、人材プールへの登録（プロフィールと稼働状況の公開）の依頼が届いています。承諾すると、その会社にプロフィールが公開されます。",
    agency: "依頼元",
    expires: "回答期限",
    terms: "利用目的と公開される情報",
    expiresIn: "{date}（あと{days}日）",
    accept: "承諾する",
    decline: "辞退する",
    confirmAccept: "{name} からの依頼を承諾し、プロフィールと稼働状況を公開しますか？",
    termsChanged: "{name} が利用目的または公開される情報を変更したため、まだ公開していません。新しい内容を確認して、もう一度承諾してください。",
    confirmDecline: "{name} からの依頼を辞退しますか？プロフィールは公開されません。",
    accepted: "{name} からの依頼を承諾し、プロフィールを公開しました。",
    declined: "{name} からの依頼を辞退しました。",
  },
  en: {
    title: "Requests to share your profile",
    intro: "These companies invite you into their talent pool, which means sharing your profile and availability with them. Accepting shares your profile with that company.",
    agency: "From",
    expires: "Answer by",
    terms: "Purpose and what is shared",
    expiresIn: "{date} ({days} days left)",
    accept: "Accept",
    decline: "Decline",
    confirmAccept: "Accept the request from {name} and share your profile and availability with them?",
    termsChanged: "{name} changed its purpose of use or what is shared, so nothing is shared yet. Read the new terms and accept again.",
    confirmDecline: "Decline the request from {name}? Nothing is shared.",
    accepted: "Accepted the request from {name}; your profile is now shared with them.",
    declined: "Declined the request from {name}.",
  },
});

/**
 * Agencies' invitations to the freelancer's verified address, answered here without the mail's
 * link: where the "request to share your profile" notification leads. Shows nothing when there
 * is none.
 */
export function TalentInvitationRequests(props: { onAccepted: () => void }) {
  const t = useT(messages);
  const language = useLang();
  const action = useAction();
  const { loaded, reload, set } = useLoad(
    (signal) => api<MyTalentInvitationView[]>("/v1/me/talent-invitations", { signal }),
    [],
  );

  const answer = (invitation: MyTalentInvitationView, verb: "accept" | "decline") => {
    const name = invitation.tenantName;
    if (!window.confirm(t(verb === "accept" ? "confirmAccept" : "confirmDecline", { name }))) return;
    void action.run(
      async () => {
        // Accepting agrees to the terms shown; changed since, the server refuses (409).
        const version = verb === "accept" && invitation.termsVersion ? `?termsVersion=${encodeURIComponent(invitation.termsVersion)}` : "";
        await api<MyTalentInvitationView>(
          `/v1/me/talent-invitations/${encodeURIComponent(invitation.id)}/${verb}${version}`,
          { method: "POST" },
        );
        set((list) => list.filter((each) => each.id !== invitation.id));
        if (verb === "accept") props.onAccepted();
        return t(verb === "accept" ? "accepted" : "declined", { name });
      },
      (e) => {
        // Answered elsewhere meanwhile (the mail's link, another tab): show what is left. Terms
        // changed since they were shown: the list, reloaded, shows the new ones to accept again.
        reload();
        return changedTerms(e) ? t("termsChanged", { name: invitation.tenantName }) : problemText(e, language);
      },
    );
  };

  const now = new Date();
  return (
    <>
      <NoticeLine notice={action.notice} id="talent-requests-notice" />
      <LoadState loaded={loaded} reload={reload} id="talent-requests-state">
        {(invitations) => {
          const open = answerable(invitations, now);
          if (open.length === 0) return null;
          return (
            <section className="card" aria-labelledby="talent-requests-heading" id="talent-requests">
              <h2 id="talent-requests-heading" style={{ marginTop: 0 }}>
                {t("title")}
              </h2>
              <p>{t("intro")}</p>
              <div className="table-wrap">
                <table className="grid responsive">
                  <thead>
                    <tr>
                      <th scope="col">{t("agency")}</th>
                      <th scope="col">{t("expires")}</th>
                      <th scope="col">{t("terms")}</th>
                      <th scope="col" />
                    </tr>
                  </thead>
                  <tbody>
                    {open.map((invitation) => (
                      <tr key={invitation.id} data-testid={"talent-request-" + invitation.tenantSlug}>
                        <td data-label={t("agency")}>{invitation.tenantName}</td>
                        <td data-label={t("expires")}>
                          {t("expiresIn", {
                            date: formatDate(language, invitation.expiresAt),
                            days: daysLeft(invitation.expiresAt, now),
                          })}
                        </td>
                        <td data-label={t("terms")}>
                          <SharingTerms items={invitation.sharedItems} purpose={invitation.sharingPurpose} />
                        </td>
                        <td>
                          <div className="toolbar">
                            <button
                              type="button"
                              className="button accent"
                              disabled={action.busy}
                              data-testid={"accept-request-" + invitation.tenantSlug}
                              onClick={() => answer(invitation, "accept")}
                            >
                              {t("accept")}
                            </button>
                            <button
                              type="button"
                              className="button"
                              disabled={action.busy}
                              data-testid={"decline-request-" + invitation.tenantSlug}
                              onClick={() => answer(invitation, "decline")}
                            >
                              {t("decline")}
                            </button>
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        }}
      </LoadState>
    </>
  );
}
