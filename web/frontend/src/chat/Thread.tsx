import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { defineMessages, formatDate, useLang, useT } from "@proxima/frontend-core/i18n";
import { useChat } from "./useChat";

const messages = defineMessages({
  ja: {
    history: "{name} とのメッセージ",
    empty: "まだメッセージはありません。最初のメッセージを送りましょう。",
    compose: "メッセージを入力",
    send: "送信",
    sending: "送信中…",
    failed: "送信できませんでした: {reason}",
    read: "既読",
    delivered: "送信済み",
    typing: "{name} が入力中…",
    hint: "Enter で送信、Shift+Enter で改行",
    loadFailed: "履歴を読み込めませんでした: {reason}",
  },
  en: {
    history: "Messages with {name}",
    empty: "No messages yet. Send the first one.",
    compose: "Write a message",
    send: "Send",
    sending: "Sending…",
    failed: "Not sent: {reason}",
    read: "Read",
    delivered: "Sent",
    typing: "{name} is typing…",
    hint: "Enter sends, Shift+Enter adds a line",
    loadFailed: "Could not load the history: {reason}",
  },
});

/** One conversation: its history, live messages, receipts, typing, and the composer. */
export function Thread(props: { chatKey: string; historyPath: string; otherName: string }) {
  const t = useT(messages);
  const language = useLang();
  const chat = useChat();
  const [draft, setDraft] = useState("");
  const [loadError, setLoadError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const { chatKey, historyPath } = props;

  useEffect(() => {
    setLoadError(null);
    chat.openThread(chatKey, historyPath).catch((e: Error) => setLoadError(e.message));
    const onVisible = () => document.visibilityState === "visible" && chat.markRead(chatKey);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      chat.closeThread(chatKey);
      document.removeEventListener("visibilitychange", onVisible);
    };
    // the store is one per session, so it is not a dependency
  }, [chatKey, historyPath]);

  const shown = chat.messages.get(chatKey) ?? [];
  const pending = chat.pending.filter((p) => p.key === chatKey);
  const typing = chat.typingIn(chatKey);
  const mySide = (m: { senderSide: string }) => m.senderSide === chat.side;
  const lastMine = [...shown].reverse().find(mySide);

  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [shown.length, pending.length]);

  const send = () => {
    if (!draft.trim()) return;
    chat.send(chatKey, draft);
    setDraft("");
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    } else {
      chat.typed(chatKey);
    }
  };

  return (
    <section className="thread" aria-label={t("history", { name: props.otherName })}>
      {loadError ? (
        <p className="error" role="alert">
          {t("loadFailed", { reason: loadError })}
        </p>
      ) : null}
      <ol className="messages" ref={list} aria-live="polite" data-testid="messages">
        {shown.length === 0 && pending.length === 0 ? (
          <li className="muted">{t("empty")}</li>
        ) : null}
        {shown.map((message) => (
          <li
            key={message.seq}
            className={mySide(message) ? "message mine" : "message"}
            data-testid="message"
          >
            {message.body}
            <span className="meta">
              {formatDate(language, message.sentAt)}
              {message === lastMine
                ? " · " + (chat.readByOther(chatKey, message.seq) ? t("read") : t("delivered"))
                : ""}
            </span>
          </li>
        ))}
        {pending.map((p) => (
          <li key={p.clientMessageId} className="message mine" data-testid="pending-message">
            {p.body}
            <span className={p.failed ? "meta error" : "meta"}>
              {p.failed ? t("failed", { reason: p.failed }) : t("sending")}
            </span>
          </li>
        ))}
      </ol>
      <p className="typing" aria-live="polite">
        {typing !== null ? t("typing", { name: typing || props.otherName }) : ""}
      </p>
      <div className="composer">
        <label className="visually-hidden" htmlFor="composer">
          {t("compose")}
        </label>
        <textarea
          id="composer"
          value={draft}
          placeholder={t("compose")}
          aria-describedby="composer-hint"
          maxLength={4000}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKey}
        />
        <span id="composer-hint" className="visually-hidden">
          {t("hint")}
        </span>
        <button type="button" id="send-message" className="button" onClick={send}>
          {t("send")}
        </button>
      </div>
    </section>
  );
}
