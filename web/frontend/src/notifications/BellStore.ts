import { api } from "../api";
import { LiveConnection, type LiveFrame, type LiveStatus } from "../live";
import { notificationsPath } from "./bell";

type Snapshot = { unread: number; revision: number; status: LiveStatus };

/**
 * The person's bell: the unread count, kept current over the notification socket. A frame says
 * something arrived; the count is read again over REST in the portal's own scope (a staff
 * member's tenant portal counts that tenant's only). `revision` moves on every arrival so an open
 * list can reload.
 */
export class BellStore {
  private state: Snapshot = { unread: 0, revision: 0, status: "connecting" };
  private readonly listeners = new Set<() => void>();
  private connection: LiveConnection | null = null;

  constructor(private readonly options: { mode: "staff" | "freelancer"; tenant: string | null }) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly snapshot = () => this.state;

  start(): void {
    if (this.connection) return;
    this.connection = new LiveConnection({
      path: "/ws/notifications",
      tenant: this.options.tenant,
      onFrame: (frame) => this.onFrame(frame),
      onStatus: (status) => this.update({ status }),
    }).start();
  }

  stop(): void {
    this.connection?.stop();
    this.connection = null;
  }

  /** Reads the count again, e.g. after the list marked some read. */
  async refresh(): Promise<void> {
    try {
      const { unread } = await api<{ unread: number }>(notificationsPath(this.options.mode) + "/unread");
      this.update({ unread });
    } catch {
      // the next frame or reconnect reads it again
    }
  }

  private onFrame(frame: LiveFrame): void {
    if (frame.type === "hello") {
      void this.refresh();
    } else if (frame.type === "notification") {
      this.update({ revision: this.state.revision + 1 });
      void this.refresh();
    }
  }

  private update(change: Partial<Snapshot>): void {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((listener) => listener());
  }
}
