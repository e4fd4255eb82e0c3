import { api } from "../api";
import { LiveConnection, type LiveFrame, type LiveStatus } from "../live";
import type { ChatMessage, Conversation, Side } from "../types";

/** A message on its way: shown at once, replaced by the stored one when the server acknowledges. */
export type Pending = { clientMessageId: string; key: string; body: string; failed?: string };

export type Typing = { who: string; until: number };

type Options = {
  /** The caller's side of every conversation. */
  side: Side;
  /** The tenant whose staff chats, or null for a freelancer's own chat. */
  tenant: string | null;
};

/** A freelancer's conversation with a tenant whose id the page has not learnt yet. */
const BY_SLUG = "slug:";

/**
 * Conversations, messages, receipts and typing for one signed-in person, kept current by the chat
 * socket. A conversation is keyed by the other party: the freelancer for staff, the tenant id for
 * a freelancer. Pages read it through useChat(); the navigation reads the unread total.
 */
export class ChatStore {
  status: LiveStatus = "connecting";
  conversations = new Map<string, Conversation>();
  messages = new Map<string, ChatMessage[]>();
  pending: Pending[] = [];
  typing = new Map<string, Typing>();
  open: string | null = null;
  version = 0;
  private readonly listeners = new Set<() => void>();
  private readonly connection: LiveConnection;
  private lastTypingSent = 0;
  /**
   * A freelancer's tenants: the socket and the stored messages name a tenant by id, REST and the
   * sending frame by slug. The API does not hand out tenant ids, so the page learns each one from
   * the conversation itself (its history, or the acknowledgement of the first message).
   */
  private readonly slugs = new Map<string, string>();

  constructor(private readonly options: Options) {
    this.connection = new LiveConnection({
      path: "/ws/chat",
      tenant: options.tenant,
      onFrame: (frame) => this.onFrame(frame),
      onStatus: (status) => {
        this.status = status;
        this.changed();
      },
    });
  }

  get side(): Side {
    return this.options.side;
  }

  start(): this {
    this.connection.start();
    return this;
  }

  stop(): void {
    this.connection.stop();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): number => this.version;

  keyOf(item: { tenantId: string; freelancerSubject: string }): string {
    return this.options.side === "TENANT" ? item.freelancerSubject : item.tenantId;
  }

  /** The key of a freelancer's conversation with this tenant, known or not yet. */
  keyOfTenant(slug: string): string {
    for (const [tenantId, known] of this.slugs) {
      if (known === slug) return tenantId;
    }
    return BY_SLUG + slug;
  }

  /** Learns a tenant's id from its latest message, so its conversation shows its unread count. */
  async discover(slug: string, historyPath: string): Promise<void> {
    if (!this.keyOfTenant(slug).startsWith(BY_SLUG)) return;
    const latest = await api<ChatMessage[]>(`${historyPath}?limit=1`);
    if (latest.length > 0) this.learn(latest[0].tenantId, slug);
  }

  /** How the socket and REST name the other party: the freelancer's id, or the tenant's slug. */
  private withOf(key: string): string | undefined {
    if (this.options.side === "TENANT") return key;
    return key.startsWith(BY_SLUG) ? key.substring(BY_SLUG.length) : this.slugs.get(key);
  }

  private learn(tenantId: string, slug: string): void {
    if (this.slugs.get(tenantId) === slug) return;
    this.slugs.set(tenantId, slug);
    const placeholder = BY_SLUG + slug;
    if (this.open === placeholder) this.open = tenantId;
    this.changed();
  }

  unread(key: string): number {
    const conversation = this.conversations.get(key);
    if (!conversation) return 0;
    const read =
      this.options.side === "TENANT" ? conversation.tenantReadSeq : conversation.freelancerReadSeq;
    return Math.max(0, conversation.lastSeq - read);
  }

  totalUnread(): number {
    let total = 0;
    for (const key of this.conversations.keys()) total += this.unread(key);
    return total;
  }

  /** Whether the other side has read up to this message: the read receipt. */
  readByOther(key: string, seq: number): boolean {
    const conversation = this.conversations.get(key);
    if (!conversation) return false;
    return (
      (this.options.side === "TENANT"
        ? conversation.freelancerReadSeq
        : conversation.tenantReadSeq) >= seq
    );
  }

  typingIn(key: string): string | null {
    const typing = this.typing.get(key);
    return typing && typing.until > Date.now() ? typing.who : null;
  }

  /** Opens a thread: loads its latest page of history and marks it read. */
  async openThread(key: string, historyPath: string): Promise<void> {
    this.open = key;
    const page = await api<ChatMessage[]>(`${historyPath}?limit=50`);
    if (page.length === 0) return;
    const stored = this.keyOf(page[0]);
    if (key.startsWith(BY_SLUG)) this.learn(stored, key.substring(BY_SLUG.length));
    this.merge(stored, page);
    this.markRead(stored);
  }

  closeThread(key: string): void {
    if (this.open === key) this.open = null;
  }

  send(key: string, body: string): void {
    const withId = this.withOf(key);
    if (!withId || !body.trim()) return;
    const clientMessageId = crypto.randomUUID();
    this.pending = [...this.pending, { clientMessageId, key, body }];
    this.changed();
    const sent = this.connection.send({ type: "send", with: withId, clientMessageId, body });
    if (!sent) {
      // No socket right now: REST stores it the same way (same client id, so never twice).
      const path =
        this.options.side === "TENANT"
          ? `/v1/conversations/${encodeURIComponent(withId)}/messages`
          : `/v1/me/conversations/${encodeURIComponent(withId)}/messages`;
      api<ChatMessage>(path, { method: "POST", body: { clientMessageId, body } }).then(
        (message) => this.acknowledged(clientMessageId, message),
        (failure: Error) => this.failed(clientMessageId, failure.message),
      );
    }
  }

  /** Sends "typing" at most every 2 s while keys are pressed; the other side shows it for 6 s. */
  typed(key: string): void {
    const withId = this.withOf(key);
    const now = Date.now();
    if (!withId || now - this.lastTypingSent < 2000) return;
    this.lastTypingSent = now;
    this.connection.send({ type: "typing", with: withId, typing: true });
  }

  markRead(key: string): void {
    const withId = this.withOf(key);
    const conversation = this.conversations.get(key);
    const messages = this.messages.get(key) ?? [];
    const last = Math.max(conversation?.lastSeq ?? 0, messages.at(-1)?.seq ?? 0);
    if (!withId || last === 0 || this.unread(key) === 0) return;
    if (!this.connection.send({ type: "read", with: withId, upToSeq: last })) {
      const path =
        this.options.side === "TENANT"
          ? `/v1/conversations/${encodeURIComponent(withId)}/receipts`
          : `/v1/me/conversations/${encodeURIComponent(withId)}/receipts`;
      void api<Conversation>(path, { method: "POST", body: { upToSeq: last, read: true } }).then(
        (conversation) => this.setConversation(conversation),
      );
    }
  }

  async refreshConversations(): Promise<void> {
    const list = await api<Conversation[]>(
      this.options.side === "TENANT" ? "/v1/conversations" : "/v1/me/conversations",
    );
    this.conversations = new Map(list.map((c) => [this.keyOf(c), c]));
    this.changed();
  }

  private onFrame(frame: LiveFrame): void {
    switch (frame.type) {
      case "hello":
        if (frame.data?.mode === "freelancer" && Array.isArray(frame.data.state?.conversations)) {
          this.conversations = new Map(
            (frame.data.state.conversations as Conversation[]).map((c) => [this.keyOf(c), c]),
          );
        } else {
          void this.refreshConversations();
        }
        break;
      case "message":
        this.received(frame.data as ChatMessage);
        break;
      case "ack":
        this.acknowledged(frame.data.clientMessageId, frame.data.message as ChatMessage);
        break;
      case "receipt":
        this.setConversation(frame.data.conversation as Conversation);
        break;
      case "typing":
        if (frame.data.side !== this.options.side) {
          const key =
            this.options.side === "TENANT" ? frame.data.freelancerId : frame.data.tenantId;
          if (frame.data.typing) {
            this.typing.set(key, { who: frame.data.who ?? "", until: Date.now() + 6000 });
          } else {
            this.typing.delete(key);
          }
        }
        break;
      case "error":
        if (frame.data?.clientMessageId) {
          this.failed(frame.data.clientMessageId, frame.data.detail ?? "");
        }
        break;
      case "left":
        this.conversations.delete(frame.data.freelancerId);
        break;
      default:
        return;
    }
    this.changed();
  }

  private received(message: ChatMessage): void {
    const key = this.keyOf(message);
    this.merge(key, [message]);
    this.typing.delete(key);
    const conversation = this.conversations.get(key);
    this.conversations.set(key, {
      ...(conversation ?? {
        tenantId: message.tenantId,
        freelancerSubject: message.freelancerSubject,
        freelancerDeliveredSeq: 0,
        freelancerReadSeq: 0,
        tenantDeliveredSeq: 0,
        tenantReadSeq: 0,
      }),
      lastSeq: Math.max(conversation?.lastSeq ?? 0, message.seq),
      updatedAt: message.sentAt,
    });
    if (message.senderSide !== this.options.side) {
      const withId = this.withOf(key);
      if (this.open === key && document.visibilityState === "visible") {
        this.markRead(key);
      } else if (withId) {
        this.connection.send({ type: "delivered", with: withId, upToSeq: message.seq });
      }
    }
  }

  private acknowledged(clientMessageId: string, message: ChatMessage): void {
    const sent = this.pending.find((p) => p.clientMessageId === clientMessageId);
    if (sent?.key.startsWith(BY_SLUG)) this.learn(message.tenantId, sent.key.substring(BY_SLUG.length));
    this.pending = this.pending.filter((p) => p.clientMessageId !== clientMessageId);
    this.received(message);
    this.changed();
  }

  private failed(clientMessageId: string, reason: string): void {
    this.pending = this.pending.map((p) =>
      p.clientMessageId === clientMessageId ? { ...p, failed: reason || "failed" } : p,
    );
    this.changed();
  }

  private setConversation(conversation: Conversation): void {
    this.conversations.set(this.keyOf(conversation), conversation);
    this.changed();
  }

  /** Adds messages in sequence order, each once, whichever way they arrived. */
  private merge(key: string, incoming: ChatMessage[]): void {
    const bySeq = new Map((this.messages.get(key) ?? []).map((m) => [m.seq, m]));
    incoming.forEach((m) => bySeq.set(m.seq, m));
    this.messages.set(
      key,
      [...bySeq.values()].sort((a, b) => a.seq - b.seq),
    );
    this.changed();
  }

  private changed(): void {
    this.version++;
    this.listeners.forEach((listener) => listener());
  }
}
