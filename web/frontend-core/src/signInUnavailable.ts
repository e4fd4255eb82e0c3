/**
 * The page shown instead of the sign-in while the identity provider is away: in the portal's or
 * console's own colours and name (already applied by the caller), in both languages, with a way to
 * try again. Plain DOM: it replaces the app before React has anything to render.
 */
export type SignInUnavailableBrand = { displayName: string; logoUrl?: string | null };

export function showSignInUnavailable(root: HTMLElement, brand: SignInUnavailableBrand): void {
  const page = document.createElement("main");
  page.className = "sign-in-unavailable";
  page.id = "sign-in-unavailable";
  page.setAttribute("role", "alert");

  const header = document.createElement("header");
  header.className = "sign-in-unavailable-brand";
  if (brand.logoUrl) {
    const logo = document.createElement("img");
    logo.src = brand.logoUrl;
    logo.alt = "";
    logo.className = "brand-logo";
    header.append(logo);
  }
  const name = document.createElement("span");
  name.textContent = brand.displayName;
  header.append(name);

  const heading = document.createElement("h1");
  heading.textContent = "ただいまログインできません / Sign-in is unavailable right now";
  const ja = document.createElement("p");
  ja.lang = "ja";
  ja.textContent =
    "認証サービスに接続できません。1 分ほど待ってから、もう一度お試しください。ログイン済みの画面はそのままお使いいただけます。";
  const en = document.createElement("p");
  en.lang = "en";
  en.textContent =
    "The sign-in service cannot be reached. Please try again in a minute. Pages where you are already signed in keep working.";
  const retry = document.createElement("button");
  retry.type = "button";
  retry.textContent = "もう一度試す / Try again";
  retry.addEventListener("click", () => window.location.reload());

  page.append(header, heading, ja, en, retry);
  root.replaceChildren(page);
}
