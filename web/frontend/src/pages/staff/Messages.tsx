import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { useEffect, useState } from "react";
import { api } from "../../api";
import { ConversationsPage, type Party } from "../../chat/ConversationsPage";
import type { BoardEntry } from "../../types";

const messages = defineMessages({
  ja: { none: "公開に同意したフリーランスがまだいません。" },
  en: { none: "No freelancer shares their profile with you yet." },
});

/** Staff's conversations: everyone on the board. */
export function StaffMessages({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const [people, setPeople] = useState<BoardEntry[]>([]);

  useEffect(() => {
    void api<BoardEntry[]>("/v1/board").then(setPeople);
  }, []);

  const parties: Party[] = people.map((person) => {
    const id = encodeURIComponent(person.freelancerId);
    return {
      chatKey: person.freelancerId,
      path: "/messages/" + id,
      name: person.displayName ?? person.freelancerId,
      historyPath: `/v1/conversations/${id}/messages`,
      profilePath: "/freelancers/" + id,
    };
  });
  const selected = parties.find((party) => party.chatKey === params.freelancerId) ?? null;
  return <ConversationsPage parties={parties} selected={selected} none={t("none")} />;
}
