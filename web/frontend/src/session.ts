import { createContext, useContext } from "react";
import type { Identity } from "@proxima/frontend-core/auth";
import type { Branding } from "./branding";

/** The tenant as `GET /v1/tenant` shows it to a member. */
export type TenantView = {
  slug: string;
  type: "AGENCY" | "COMPANY";
  status: string;
  plan: string;
  branding: Branding;
  yourRole: string | null;
  youShareYourProfile: boolean;
};

/**
 * Who is signed in where: staff of a tenant (its portal under /t/{slug}/) or a freelancer (the
 * platform's own pages, or a tenant's portal they share their profile with).
 */
export type Session = {
  slug: string | null;
  branding: Branding;
  identity: Identity;
  tenant: TenantView | null;
  mode: "staff" | "freelancer";
};

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("no session");
  return session;
}
