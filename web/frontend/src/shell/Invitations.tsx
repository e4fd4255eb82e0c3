import { useEffect, useState } from "react";
import { bodyOf, call } from "@proxima/frontend-core/http";
import { defineMessages, useLang, useT } from "@proxima/frontend-core/i18n";
import { problemText } from "../pages/shared/problems";

/** A role a tenant offered the signed-in person (`GET /api/v1/me/invitations`). */
type InvitationView = { tenantSlug: string; tenantName: string; role: string; invitedAt: string };

const messages = defineMessages({
  ja: {
    region: "招待",
    offer: "{tenant} から「{role}」として招待されています。",
    accept: "承諾する",
    decline: "辞退する",
    confirmDecline: "{tenant} からの招待を辞退しますか？",
    declined: "{tenant} からの招待を辞退しました。",
    "agency-admin": "エージェント管理者",
    recruiter: "リクルーター",
    "company-admin": "企業管理者",
    "company-member": "企業メンバー",
  },
  en: {
    region: "Invitations",
    offer: "{tenant} invites you to join as {role}.",
    accept: "Accept",
    decline: "Decline",
    confirmDecline: "Decline the invitation from {tenant}?",
    declined: "You declined the invitation from {tenant}.",
    "agency-admin": "agency admin",
    recruiter: "recruiter",
    "company-admin": "company admin",
    "company-member": "company member",
  },
});

/**
 * Invitations wait for the person's answer: joining a tenant is their choice, so each offer is
 * shown on every page until it is accepted (which opens that tenant's portal) or declined.
 */
export function Invitations() {
  const t = useT(messages);
  const language = useLang();
  const [invitations, setInvitations] = useState<InvitationView[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    call("/api/v1/me/invitations", { signal: controller.signal })
      .then((response) => bodyOf<InvitationView[]>(response))
      .then(setInvitations, () => setInvitations([]));
    return () => controller.abort();
  }, []);

  const answer = async (invitation: InvitationView, accept: boolean) => {
    const tenant = invitation.tenantName;
    if (!accept && !window.confirm(t("confirmDecline", { tenant }))) return;
    setBusy(true);
    try {
      const base = `/t/${encodeURIComponent(invitation.tenantSlug)}`;
      if (accept) {
        await call(`${base}/api/v1/invitation/accept`, { method: "POST" });
        window.location.assign(`${base}/`);
        return;
      }
      await call(`${base}/api/v1/invitation`, { method: "DELETE" });
      setInvitations((list) => list.filter((i) => i.tenantSlug !== invitation.tenantSlug));
      setNotice(t("declined", { tenant }));
    } catch (e) {
      setNotice(problemText(e, language));
    } finally {
      setBusy(false);
    }
  };

  if (invitations.length === 0 && !notice) return null;
  return (
    <section className="banner" aria-label={t("region")} id="invitations">
      {invitations.map((invitation) => (
        <p key={invitation.tenantSlug} data-testid={"invitation-" + invitation.tenantSlug}>
          {t("offer", {
            tenant: invitation.tenantName,
            role: t(invitation.role as "recruiter") ?? invitation.role,
          })}{" "}
          <button type="button" className="button accent" disabled={busy} onClick={() => void answer(invitation, true)}>
            {t("accept")}
          </button>{" "}
          <button type="button" className="button subtle" disabled={busy} onClick={() => void answer(invitation, false)}>
            {t("decline")}
          </button>
        </p>
      ))}
      {notice ? (
        <p role="status" id="invitations-notice">
          {notice}
        </p>
      ) : null}
    </section>
  );
}
