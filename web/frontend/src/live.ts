import { api } from "./api";
import { isSuspensionClose, isSuspensionProblem, markSuspended } from "./suspension";

/** What the connection indicator shows. */
export type LiveStatus = "connecting" | "open" | "reconnecting" | "refused" | "suspended";

export type LiveFrame = { seq: number; type: string; data: any };

type Options = {
  path: "/ws/board" | "/ws/chat" | "/ws/notifications";
  tenant: string | null;
  onFrame: (frame: LiveFrame) => void;
  onStatus: (status: LiveStatus) => void;
};

/**
 * One live socket that stays live: it signs its upgrade with a short-lived ticket (a browser
 * cannot put a bearer token on a WebSocket), reconnects with backoff when the network drops, and
 * resumes its stream from the last frame it saw so nothing between is lost. A server that starts
 * a new stream instead sends a fresh snapshot or hello, which the caller treats as a restart.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private stream: string | null = null;
  private lastSeq = 0;
  private attempt = 0;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pinger: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: Options) {
    window.addEventListener("online", this.reconnectNow);
  }

  start(): this {
    void this.connect();
    return this;
  }

  send(frame: Record<string, unknown>): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.pinger);
    window.removeEventListener("online", this.reconnectNow);
    this.socket?.close(1000, "page left");
  }

  private readonly reconnectNow = () => {
    if (this.socket?.readyState !== WebSocket.OPEN && !this.stopped) {
      clearTimeout(this.timer);
      void this.connect();
    }
  };

  private async connect(): Promise<void> {
    this.options.onStatus(this.attempt === 0 ? "connecting" : "reconnecting");
    let ticket: string;
    try {
      ticket = (await api<{ ticket: string }>("/v1/me/live-ticket", { method: "POST" })).ticket;
    } catch (e) {
      if (isSuspensionProblem(e)) {
        this.suspended();
        return;
      }
      this.retry();
      return;
    }
    if (this.stopped) return;
    const url = new URL(this.options.path, window.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("ticket", ticket);
    if (this.options.tenant) url.searchParams.set("tenant", this.options.tenant);
    if (this.stream) {
      url.searchParams.set("resume", this.stream);
      url.searchParams.set("lastSeq", String(this.lastSeq));
    }
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.options.onStatus("open");
      clearInterval(this.pinger);
      // Keeps idle proxies from dropping the socket; the server answers with a pong frame.
      this.pinger = setInterval(() => this.send({ type: "ping" }), 25_000);
    };
    socket.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as LiveFrame;
      if (frame.type === "snapshot" || frame.type === "hello") {
        this.stream = frame.data?.stream ?? null;
      }
      this.lastSeq = frame.seq;
      this.options.onFrame(frame);
    };
    socket.onclose = (event) => {
      clearInterval(this.pinger);
      if (this.stopped || socket !== this.socket) return;
      if (isSuspensionClose(event.code, event.reason)) {
        this.suspended();
        return;
      }
      if (event.code === 1008) {
        // refused by policy (no such board, suspended tenant): retrying cannot help
        this.options.onStatus("refused");
        return;
      }
      this.retry();
    };
  }

  /** The platform suspended the tenant: nothing to retry, and the whole portal says so. */
  private suspended(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.pinger);
    this.options.onStatus("suspended");
    markSuspended();
  }

  private retry(): void {
    if (this.stopped) return;
    this.options.onStatus("reconnecting");
    this.timer = setTimeout(() => void this.connect(), backoff(this.attempt++));
  }
}

/** 0.5 s doubling to 15 s, with jitter so a restarted node is not hit by every client at once. */
export function backoff(attempt: number): number {
  const ceiling = Math.min(15_000, 500 * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
