import { createContext, useContext, useSyncExternalStore } from "react";
import type { ChatStore } from "./ChatStore";

export const ChatContext = createContext<ChatStore | null>(null);

/** The signed-in person's chat, re-rendering the caller on every change. */
export function useChat(): ChatStore {
  const store = useContext(ChatContext);
  if (!store) throw new Error("no chat");
  useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot);
  return store;
}
