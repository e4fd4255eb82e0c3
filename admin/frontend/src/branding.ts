/** A tenant's brand as the console API gives it. */
export type Branding = {
  displayName: string;
  logoUrl?: string | null;
  primaryColor?: string | null;
  accentColor?: string | null;
  hostNames?: string[];
};

/** The server's defaults (Branding.DEFAULT_PRIMARY / DEFAULT_ACCENT) for colours left empty. */
export const DEFAULT_PRIMARY = "#1f4fd1";
export const DEFAULT_ACCENT = "#f28c28";

const COLOR = /^#[0-9a-fA-F]{6}$/;

export function isColour(value: string | null | undefined): value is string {
  return !!value && COLOR.test(value.trim());
}

/** A colour the tenant chose, or the fallback when theirs is missing or not a #rrggbb. */
export function colour(value: string | null | undefined, fallback: string): string {
  return isColour(value) ? value.trim().toLowerCase() : fallback;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.substring(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio between two #rrggbb colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on `hex`. */
export function textOn(hex: string): string {
  return luminance(hex) > 0.179 ? "#111111" : "#ffffff";
}
