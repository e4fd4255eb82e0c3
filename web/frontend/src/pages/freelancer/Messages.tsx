import { useEffect, useState } from "react";
import { api } from "../../api";
import { Thread } from "../../chat/Thread";
import { useChat } from "../../chat/useChat";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { ConnectionStatus } from "../../shell/ConnectionStatus";
import type { Consent } from "../../types";

const messages = defineMessages({
  ja: {
    title: "メッセージ",
    conversations: "会話",
    none: "プロフィールを公開しているエージェント・企業はまだありません。",
    pick: "左の一覧から相手を選んでください。",
    unread: "未読 {count} 件",
  },
  en: {
    title: "Messages",
    conversations: "Conversations",
    none: "You do not share your profile with any agency or company yet.",
    pick: "Choose someone from the list.",
    unread: "{count} unread",
  },
});

/** A freelancer's conversations with the agencies and companies they share their profile with. */
export function FreelancerMessages({ params }: { params: Record<string, string> }) {
  const t = useT(messages);
  const language = useLang();
  const chat = useChat();
  const [consents, setConsents] = useState<Consent[]>([]);

  useEffect(() => {
    void api<Consent[]>("/v1/me/consents").then((list) => setConsents(list.filter((c) => c.active)));
  }, []);

  const selected = consents.find((c) => c.tenantSlug === params.tenantSlug) ?? null;
  const ordered = [...consents].sort((a, b) =>
    (chat.conversations.get(b.tenantId)?.updatedAt ?? "").localeCompare(
      chat.conversations.get(a.tenantId)?.updatedAt ?? "",
    ),
  );

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
            {ordered.map((consent) => {
              const unread = chat.unread(consent.tenantId);
              const updated = chat.conversations.get(consent.tenantId)?.updatedAt;
              return (
                <li key={consent.tenantId}>
                  <Link
                    to={"/messages/" + encodeURIComponent(consent.tenantSlug)}
                    aria-current={selected?.tenantId === consent.tenantId ? "page" : undefined}
                  >
                    <span>
                      {consent.tenantName}
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
            chatKey={selected.tenantId}
            historyPath={`/v1/me/conversations/${encodeURIComponent(selected.tenantSlug)}/messages`}
            otherName={selected.tenantName}
          />
        ) : (
          <p className="muted">{t("pick")}</p>
        )}
      </div>
    </>
  );
}
