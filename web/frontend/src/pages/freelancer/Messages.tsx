import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { useEffect, useState } from "react";
import { api } from "../../api";
import { ConversationsPage, type Party } from "../../chat/ConversationsPage";
import { useChat } from "../../chat/useChat";
import type { Consent } from "../../types";

const messages = defineMessages({
  ja: { none: "プロフィールを公開しているエージェント・企業はまだありません。" },
  en: { none: "You do not share your profile with any agency or company yet." },
});

/** A freelancer's conversations with the agencies and companies they share their profile with. */
export function FreelancerMessages({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const chat = useChat();
  const [consents, setConsents] = useState<Consent[]>([]);
  const historyPath = (slug: string) =>
    `/v1/me/conversations/${encodeURIComponent(slug)}/messages`;

  useEffect(() => {
    void api<Consent[]>("/v1/me/consents").then((list) => {
      const active = list.filter((c) => c.active);
      setConsents(active);
      // Each conversation's unread count is kept by tenant id, which the latest message names.
      active.forEach((c) => void chat.discover(c.tenantSlug, historyPath(c.tenantSlug)));
    });
    // the chat is one per session, so it is not a dependency
  }, []);

  const parties: Party[] = consents.map((consent) => ({
    chatKey: chat.keyOfTenant(consent.tenantSlug),
    path: "/messages/" + encodeURIComponent(consent.tenantSlug),
    name: consent.tenantName,
    historyPath: historyPath(consent.tenantSlug),
  }));
  const selected = consents.findIndex((consent) => consent.tenantSlug === params.tenantSlug);
  return (
    <ConversationsPage
      parties={parties}
      selected={selected < 0 ? null : parties[selected]}
      none={t("none")}
    />
  );
}
