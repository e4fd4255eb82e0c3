import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { Link } from "@proxima/frontend-core/router";
import { ConnectionStatus } from "../shell/ConnectionStatus";
import { Thread } from "./Thread";
import { useChat } from "./useChat";

const messages = defineMessages({
  ja: {
    title: "メッセージ",
    conversations: "会話",
    pick: "左の一覧から相手を選んでください。",
    unread: "未読 {count} 件",
    profile: "{name} さんのプロフィールを見る",
  },
  en: {
    title: "Messages",
    conversations: "Conversations",
    pick: "Choose someone from the list.",
    unread: "{count} unread",
    profile: "View {name}'s profile",
  },
});

/** Someone to talk to: their conversation's key in the chat, the page that opens it, a name. */
export type Party = {
  chatKey: string;
  path: string;
  name: string;
  historyPath: string;
  /** Staff's side: the person's shared profile page. */
  profilePath?: string;
};

/**
 * The messages page of either side: the people one can talk to, the most recently active first
 * with their unread counts, and the open conversation.
 */
export function ConversationsPage(props: { parties: Party[]; selected: Party | null; none: string }) {
  const t = useT(messages);
  const language = useLang();
  const chat = useChat();
  const updatedAt = (party: Party) => chat.conversations.get(party.chatKey)?.updatedAt ?? "";
  const ordered = [...props.parties].sort(
    (a, b) => updatedAt(b).localeCompare(updatedAt(a)) || a.name.localeCompare(b.name, language),
  );

  return (
    <>
      <div className="toolbar" style={{ justifyContent: "space-between" }}>
        <h1>{t("title")}</h1>
        <ConnectionStatus status={chat.status} />
      </div>
      <div className="chat">
        <nav aria-label={t("conversations")}>
          {ordered.length === 0 ? <p className="muted">{props.none}</p> : null}
          <ul className="conversations">
            {ordered.map((party) => {
              const unread = chat.unread(party.chatKey);
              const updated = updatedAt(party);
              return (
                <li key={party.chatKey}>
                  <Link
                    to={party.path}
                    aria-current={props.selected?.chatKey === party.chatKey ? "page" : undefined}
                  >
                    <span>
                      {party.name}
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
        {props.selected ? (
          <div>
            {props.selected.profilePath ? (
              <p>
                <Link to={props.selected.profilePath} id="conversation-profile">
                  {t("profile", { name: props.selected.name })}
                </Link>
              </p>
            ) : null}
            <Thread
              chatKey={props.selected.chatKey}
              historyPath={props.selected.historyPath}
              otherName={props.selected.name}
            />
          </div>
        ) : (
          <p className="muted">{t("pick")}</p>
        )}
      </div>
    </>
  );
}
