/** A tenant's brand as the public branding endpoint gives it. */
export type Branding = {
  displayName: string;
  logoUrl?: string | null;
  primaryColor?: string | null;
  accentColor?: string | null;
};

export const PLATFORM_BRANDING: Branding = {
  displayName: "Proxima",
  primaryColor: "#1f4fd1",
  accentColor: "#f28c28",
};

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** A colour the tenant chose, or the platform's when theirs is missing or not a #rrggbb. */
export function colour(value: string | null | undefined, fallback: string): string {
  return value && COLOR.test(value) ? value : fallback;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const channel = (i: number) => {
    const c = parseInt(hex.substring(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.179 ? "#111111" : "#ffffff";
}

/** An SVG favicon with the brand's initial on its colour, for tenants without a logo. */
export function initialIcon(name: string, background: string): string {
  const initial = Array.from(name.trim())[0] ?? "P";
  const escaped = initial.replace(/[<>&'"]/g, "");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="14" fill="${background}"/>` +
    `<text x="32" y="44" font-size="36" text-anchor="middle" font-family="sans-serif" ` +
    `fill="${textOn(background)}">${escaped}</text></svg>`;
  return "data:image/svg+xml," + encodeURIComponent(svg);
}

/** The page title, favicon and CSS colours follow the tenant's brand. */
export function applyBranding(branding: Branding): void {
  const primary = colour(branding.primaryColor, PLATFORM_BRANDING.primaryColor!);
  const accent = colour(branding.accentColor, PLATFORM_BRANDING.accentColor!);
  const root = document.documentElement.style;
  root.setProperty("--brand-primary", primary);
  root.setProperty("--brand-on-primary", textOn(primary));
  root.setProperty("--brand-accent", accent);
  root.setProperty("--brand-on-accent", textOn(accent));
  document.title = branding.displayName;
  const icon = document.getElementById("favicon") as HTMLLinkElement | null;
  if (icon) {
    icon.href = branding.logoUrl || initialIcon(branding.displayName, primary);
  }
}
