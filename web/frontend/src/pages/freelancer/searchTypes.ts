import type { JobCard } from "../apiTypes";

/** A job card with the place fields of issue 21 (prefecture and nearest station). */
export type PlacedJobCard = JobCard & { prefecture?: string | null; station?: string | null };

/** `GET /v1/me/saved-searches` */
export type SavedSearchView = {
  id: string;
  name: string;
  query: string;
  tenantSlug?: string | null;
  alerts: boolean;
  matchedThrough: string;
  lastAlertedAt?: string | null;
  lastAlertJobs?: number | null;
  alertsSent: number;
  createdAt: string;
  version: number;
};

/** `GET /v1/me/favourite-jobs` */
export type FavouritesView = { jobs: PlacedJobCard[] };

/** `GET /v1/postings/{jobId}/similar` */
export type SimilarJob = {
  job: PlacedJobCard;
  sharedSkills: string[];
  sameWorkStyle: boolean;
  rateDifferenceYen?: number | null;
};
