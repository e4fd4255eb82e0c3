import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { api, ApiError, useTenantApi } from "./api";
import { call } from "@proxima/frontend-core/http";
import { signIn, SignInUnavailable } from "@proxima/frontend-core/auth";
import { showSignInUnavailable } from "@proxima/frontend-core/signInUnavailable";
import { applyBranding, PLATFORM_BRANDING, type Branding } from "./branding";
import { lang } from "@proxima/frontend-core/i18n";
import { setBase } from "@proxima/frontend-core/router";
import type { Session, TenantView } from "./session";
import { App } from "./shell/App";
import { Join } from "./shell/Join";
import { isJoinPath } from "./shell/join";
import { isTalentInvitationPath, takePendingAcceptance } from "./pages/signup/onboarding";
import { changedTerms } from "./pages/freelancer/sharingTerms";
import type { InvitationLinkView } from "./pages/signup/signupTypes";
import { TalentInvitationPage, type TalentInvitationOutcome } from "./pages/signup/TalentInvitationPage";
import { SuspendedPage } from "./shell/SuspendedPage";
import { isSuspensionProblem, markSuspended } from "./suspension";
import "@proxima/frontend-core/base.css";
import "./styles.css";

type PublicBranding = {
  slug: string;
  status: string;
  branding: Branding;
  issuer: string;
  clientId: string;
};

/** `/t/{slug}/…` is a tenant's portal; anything else the platform's own freelancer pages. */
function slugOfPath(): string | null {
  const found = /^\/t\/([^/]+)/.exec(window.location.pathname);
  return found ? decodeURIComponent(found[1]) : null;
}

/**
 * The tenant this page belongs to: named in the path, or (on a tenant's own host name, such as
 * portal.sakura.example.jp) resolved by the server from the host. Null on the platform's own host.
 */
async function tenantBranding(pathSlug: string | null): Promise<PublicBranding | null> {
  try {
    return await api<PublicBranding>("/v1/branding");
  } catch (e) {
    if (!pathSlug && e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

class TenantSuspendedAtStart extends Error {}

/** The branding the page is shown in, so a failed sign-in still looks like the tenant's portal. */
let pageBranding: Branding = PLATFORM_BRANDING;

async function boot(): Promise<Session> {
  const pathSlug = slugOfPath();
  useTenantApi(pathSlug);
  setBase(pathSlug ? `/t/${encodeURIComponent(pathSlug)}` : "");
  document.documentElement.lang = lang();
  const tenantSignIn = await tenantBranding(pathSlug);
  const slug = tenantSignIn?.slug ?? null;
  const publicBranding =
    tenantSignIn ?? (await api<Pick<PublicBranding, "issuer" | "clientId">>("/v1/sign-in"));
  const branding = tenantSignIn ? tenantSignIn.branding : PLATFORM_BRANDING;
  applyBranding(branding);
  pageBranding = branding;
  // A suspended tenant's client is disabled: Keycloak would show its own unbranded error page.
  if (tenantSignIn && tenantSignIn.status === "SUSPENDED") throw new TenantSuspendedAtStart();
  const identity = await signIn(publicBranding.issuer, publicBranding.clientId);
  // Puts the person's account (and its current name) on record, so the names others see (the
  // audit log, the kanban's history) are people, not ids. Nothing waits for it.
  void call("/api/v1/me").catch(() => undefined);
  let tenant: TenantView | null = null;
  if (slug) {
    try {
      tenant = await api<TenantView>("/v1/tenant");
    } catch (e) {
      if (isSuspensionProblem(e)) throw new TenantSuspendedAtStart();
      // a freelancer sharing their profile is not staff; the portal shows them their own pages
      if (!(e instanceof ApiError) || (e.status !== 403 && e.status !== 404)) throw e;
    }
  }
  return {
    slug,
    branding,
    identity,
    tenant,
    mode: tenant?.yourRole ? "staff" : "freelancer",
  };
}

/**
 * A tenant's invitation page works before sign-in: the invitee may have no password yet. It needs
 * only the tenant's public branding.
 */
async function bootJoin(slug: string): Promise<void> {
  useTenantApi(slug);
  document.documentElement.lang = lang();
  const tenant = await api<PublicBranding>("/v1/branding");
  applyBranding(tenant.branding);
  pageBranding = tenant.branding;
  root.render(
    <StrictMode>
      <Join slug={tenant.slug} branding={tenant.branding} />
    </StrictMode>,
  );
}

/**
 * A tenant's talent invitation page: shown before sign-in from the mail's link; back from the
 * tenant's login page (`?accept=1`), the acceptance is made as the person who signed in or up.
 */
async function bootTalentInvitation(slug: string): Promise<void> {
  useTenantApi(slug);
  document.documentElement.lang = lang();
  const tenant = await api<PublicBranding>("/v1/branding");
  applyBranding(tenant.branding);
  pageBranding = tenant.branding;
  let outcome: TalentInvitationOutcome = { kind: "link" };
  if (new URLSearchParams(window.location.search).get("accept") === "1") {
    await signIn(tenant.issuer, tenant.clientId);
    const pending = takePendingAcceptance(window.sessionStorage, tenant.slug);
    window.history.replaceState(null, "", window.location.pathname);
    if (pending) {
      try {
        const view = await api<InvitationLinkView>("/v1/talent-invitation-link/accept", {
          method: "POST",
          body: { token: pending.token, termsVersion: pending.termsVersion },
        });
        outcome = { kind: "accepted", view };
      } catch (error) {
        // The tenant changed its purpose after the page showed it: show the new one, ask again.
        const terms = changedTerms(error);
        outcome = terms ? { kind: "termsChanged", token: pending.token, terms } : { kind: "failed", error };
      }
    } else {
      outcome = { kind: "failed", error: new ApiError(404, "Not Found", "no invitation to accept") };
    }
  }
  root.render(
    <StrictMode>
      <TalentInvitationPage slug={tenant.slug} branding={tenant.branding} outcome={outcome} />
    </StrictMode>,
  );
}

const root = createRoot(document.getElementById("root")!);
const joinSlug = isJoinPath(window.location.pathname) ? slugOfPath() : null;
const talentSlug = isTalentInvitationPath(window.location.pathname) ? slugOfPath() : null;
(joinSlug
  ? bootJoin(joinSlug).then(() => null)
  : talentSlug
    ? bootTalentInvitation(talentSlug).then(() => null)
    : boot()
).then(
  (session) => {
    if (session)
      root.render(
        <StrictMode>
          <App session={session} />
        </StrictMode>,
      );
  },
  (failure) => {
    if (failure instanceof TenantSuspendedAtStart) {
      markSuspended();
      root.render(
        <StrictMode>
          <SuspendedPage branding={pageBranding} />
        </StrictMode>,
      );
      return;
    }
    if (failure instanceof SignInUnavailable) {
      showSignInUnavailable(document.getElementById("root")!, pageBranding);
      return;
    }
    const message =
      failure instanceof ApiError && failure.status === 404
        ? "このポータルは見つかりません / There is no such portal."
        : `起動できませんでした / The portal could not start: ${failure instanceof Error ? failure.message : failure}`;
    const paragraph = document.createElement("p");
    paragraph.className = "boot error";
    paragraph.setAttribute("role", "alert");
    paragraph.textContent = message;
    document.getElementById("root")!.replaceChildren(paragraph);
  },
);
