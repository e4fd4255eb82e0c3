import { defineMessages, useT } from "@proxima/frontend-core/i18n";
import { useEffect, useState } from "react";
import { api } from "../../api";
import { wholeBoard } from "./freelancerProfile";
import { ConversationsPage, type Party } from "../../chat/ConversationsPage";
import type { BoardEntry } from "../../types";

const messages = defineMessages({
  ja: { none: "公開に同意したフリーランスがまだいません。", deleted: "退会したユーザー" },
  en: { none: "No freelancer shares their profile with you yet.", deleted: "Deleted user" },
});

/** A conversation as `GET /v1/conversations` lists it (the receipts are the chat's business). */
type StaffConversation = { freelancerSubject: string; freelancerErased: boolean };

/**
 * Staff's conversations: everyone on the board, and the history with freelancers who deleted their
 * account, under 「退会したユーザー」 (read only: the server refuses new messages to them).
 */
export function StaffMessages({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const [people, setPeople] = useState<BoardEntry[]>([]);
  const [erased, setErased] = useState<string[]>([]);

  useEffect(() => {
    void wholeBoard().then(setPeople);
    void api<StaffConversation[]>("/v1/conversations").then((all) =>
      setErased(all.filter((c) => c.freelancerErased).map((c) => c.freelancerSubject)),
    );
  }, []);

  const deleted: BoardEntry[] = erased
    .filter((id) => !people.some((person) => person.freelancerId === id))
    .map((id) => ({ freelancerId: id, displayName: t("deleted") }) as BoardEntry);
  const parties: Party[] = [...people, ...deleted].map((person) => {
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
