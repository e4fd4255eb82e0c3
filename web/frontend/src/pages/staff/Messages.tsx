import { useEffect, useState } from "react";
import { api } from "../../api";
import { Thread } from "../../chat/Thread";
import { useChat } from "../../chat/useChat";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { ConnectionStatus } from "../../shell/ConnectionStatus";
import type { BoardEntry } from "../../types";

const messages = defineMessages({
  ja: {
    title: "メッセージ",
    conversations: "会話",
    none: "公開に同意したフリーランスがまだいません。",
    pick: "左の一覧から相手を選んでください。",
    unread: "未読 {count} 件",
  },
  en: {
    title: "Messages",
    conversations: "Conversations",
    none: "No freelancer shares their profile with you yet.",
    pick: "Choose someone from the list.",
    unread: "{count} unread",
  },
});

/** Staff's conversations: everyone on the board, the ones with recent messages first. */
export function StaffMessages({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const language = useLang();
  const chat = useChat();
  const [people, setPeople] = useState<BoardEntry[]>([]);
  const selected = params.freelancerId ?? null;

  useEffect(() => {
    void api<BoardEntry[]>("/v1/board").then(setPeople);
  }, []);

  const name = (id: string) => people.find((p) => p.freelancerId === id)?.displayName ?? id;
  const ordered = [...people].sort((a, b) => {
    const at = chat.conversations.get(a.freelancerId)?.updatedAt ?? "";
    const bt = chat.conversations.get(b.freelancerId)?.updatedAt ?? "";
    return bt.localeCompare(at) || (a.displayName ?? "").localeCompare(b.displayName ?? "");
  });

  return (
    <>
      <div className="toolbar" style={{ justifyContent: "space-between" }}>
        <h1>{t("title")}</h1>
        <ConnectionStatus status={chat.status} />
      </div>
      <div className="chat">
        <nav aria-label={t("conversations")}>
          {ordered.length === 0 ? <p className="muted">{t("none")}</p> : null}
          <ul className="conversations">
            {ordered.map((person) => {
              const unread = chat.unread(person.freelancerId);
              const updated = chat.conversations.get(person.freelancerId)?.updatedAt;
              return (
                <li key={person.freelancerId}>
                  <Link
                    to={"/messages/" + encodeURIComponent(person.freelancerId)}
                    aria-current={selected === person.freelancerId ? "page" : undefined}
                  >
                    <span>
                      {person.displayName ?? person.freelancerId}
                      {updated ? (
                        <span className="muted" style={{ display: "block", fontSize: "0.75rem" }}>
                          {formatDate(language, updated)}
                        </span>
                      ) : null}
                    </span>
                    {unread > 0 ? (
                      <span className="badge count" aria-label={t("unread", { count: unread })}>
                        {unread}
                      </span>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        {selected ? (
          <Thread
            chatKey={selected}
            historyPath={`/v1/conversations/${encodeURIComponent(selected)}/messages`}
            otherName={name(selected)}
          />
        ) : (
          <p className="muted">{t("pick")}</p>
        )}
      </div>
    </>
  );
}
