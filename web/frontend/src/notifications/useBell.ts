import { createContext, useContext, useSyncExternalStore } from "react";
import type { BellStore } from "./BellStore";

export const BellContext = createContext<BellStore | null>(null);

/** The signed-in person's bell, re-rendering the caller on every change. */
export function useBell(): { store: BellStore; unread: number; revision: number } {
  const store = useContext(BellContext);
  if (!store) throw new Error("no bell");
  const state = useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot);
  return { store, unread: state.unread, revision: state.revision };
}
