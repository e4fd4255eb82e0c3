import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { useEffect, useState } from "react";
import { api } from "../../api";
import { ConversationsPage, type Party } from "../../chat/ConversationsPage";
import type { Consent } from "../../types";

const messages = defineMessages({
  ja: { none: "プロフィールを公開しているエージェント・企業はまだありません。" },
  en: { none: "You do not share your profile with any agency or company yet." },
});

/** A freelancer's conversations with the agencies and companies they share their profile with. */
export function FreelancerMessages({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const [consents, setConsents] = useState<Consent[]>([]);

  useEffect(() => {
    void api<Consent[]>("/v1/me/consents").then((list) => setConsents(list.filter((c) => c.active)));
  }, []);

  const parties: Party[] = consents.map((consent) => {
    const slug = encodeURIComponent(consent.tenantSlug);
    return {
      chatKey: consent.tenantId,
      path: "/messages/" + slug,
      name: consent.tenantName,
      historyPath: `/v1/me/conversations/${slug}/messages`,
    };
  });
  const selected =
    consents.find((consent) => consent.tenantSlug === params.tenantSlug)?.tenantId ?? null;
  return (
    <ConversationsPage
      parties={parties}
      selected={parties.find((party) => party.chatKey === selected) ?? null}
      none={t("none")}
    />
  );
}
