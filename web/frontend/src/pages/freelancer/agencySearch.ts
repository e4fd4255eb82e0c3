/** An agency as `GET /v1/agencies?q=` lists it (its public branding; never an id). */
export type ListedAgency = {
  slug: string;
  displayName: string;
  logoUrl?: string | null;
  primaryColor: string;
  /** Its purpose of use of shared profiles, shown before sharing. */
  sharingPurpose: string;
};

/** The text to search for, or null while it is not worth a request (nothing typed yet). */
export function searchText(typed: string): string | null {
  const text = typed.normalize("NFKC").trim();
  return text.length === 0 ? null : text.slice(0, 100);
}

/** Agencies listed with whether the freelancer already shares with each. */
export function withSharing<T extends { slug: string }>(
  agencies: T[],
  sharing: ReadonlyArray<{ tenantSlug: string; active: boolean }>,
): Array<T & { shared: boolean }> {
  const active = new Set(sharing.filter((c) => c.active).map((c) => c.tenantSlug));
  return agencies.map((agency) => ({ ...agency, shared: active.has(agency.slug) }));
}
