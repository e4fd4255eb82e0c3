import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { problemOf } from "./api";
import { signIn, SignInUnavailable, type Identity } from "@proxima/frontend-core/auth";
import { showSignInUnavailable } from "@proxima/frontend-core/signInUnavailable";
import { lang } from "@proxima/frontend-core/i18n";
import { setBase } from "@proxima/frontend-core/router";
import { App } from "./shell/App";
import "@proxima/frontend-core/base.css";
import "./styles.css";

/** The console's sign-in settings come from the server, so one build serves every deployment. */
async function boot(): Promise<Identity> {
  setBase("/admin");
  document.documentElement.lang = lang();
  const response = await fetch("/admin/sign-in.json", { headers: { Accept: "application/json" } });
  if (!response.ok) throw await problemOf(response);
  const settings = (await response.json()) as { issuer: string; clientId: string };
  return signIn(settings.issuer, settings.clientId);
}

const root = createRoot(document.getElementById("root")!);
boot().then(
  (identity) =>
    root.render(
      <StrictMode>
        <App identity={identity} />
      </StrictMode>,
    ),
  (failure) => {
    if (failure instanceof SignInUnavailable) {
      showSignInUnavailable(document.getElementById("root")!, {
        displayName: lang() === "ja" ? "Proxima テナントコンソール" : "Proxima tenant console",
      });
      return;
    }
    const paragraph = document.createElement("p");
    paragraph.className = "boot error";
    paragraph.setAttribute("role", "alert");
    paragraph.textContent = `コンソールを起動できませんでした / The console could not start: ${
      failure instanceof Error ? failure.message : String(failure)
    }`;
    document.getElementById("root")!.replaceChildren(paragraph);
  },
);
