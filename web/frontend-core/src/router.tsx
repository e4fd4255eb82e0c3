import { useSyncExternalStore, type MouseEvent, type ReactNode } from "react";

/** History routing inside a base path: `/t/{slug}` or the platform root (portal), `/admin` (console). */
let base = "";
const listeners = new Set<() => void>();

export function setBase(path: string): void {
  base = path.replace(/\/+$/, "");
}

export function currentPath(): string {
  const path = window.location.pathname;
  const inside = path.startsWith(base) ? path.substring(base.length) : path;
  return inside === "" ? "/" : inside;
}

export function navigate(to: string): void {
  window.history.pushState(null, "", base + to);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, currentPath);
}

function currentSearch(): string {
  return window.location.search;
}

/** The query string (with `?`, or empty), following navigate() and the back and forward buttons. */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch, currentSearch);
}

/** Replaces the current history entry (no new back-button step), e.g. to tidy the query string. */
export function replace(to: string): void {
  window.history.replaceState(null, "", base + to);
  listeners.forEach((listener) => listener());
}

/** `/jobs/:id` against `/jobs/42` gives `{id: "42"}`; no match gives null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(
    "^" +
      pattern.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      }) +
      "/?$",
  );
  const found = regex.exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
}

export function Link(props: {
  to: string;
  children: ReactNode;
  className?: string;
  id?: string;
  "aria-current"?: "page" | undefined;
  "data-testid"?: string;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a
      href={base + props.to}
      onClick={onClick}
      className={props.className}
      id={props.id}
      data-testid={props["data-testid"]}
      aria-current={props["aria-current"]}
    >
      {props.children}
    </a>
  );
}
