import type { ContractType, Culture, JobSort, WorkStyle } from "../apiTypes";

/**
 * The job search as the search page's URL carries it: the same parameters as
 * `GET /v1/postings`, so a shared link, the back button and a reload all show the same search,
 * and a saved search is the same string.
 */
export type JobFilters = {
  q: string;
  skill: string[];
  /** Monthly rate in yen. */
  rateAtLeast: number | null;
  rateAtMost: number | null;
  days: number | null;
  workStyle: WorkStyle[];
  prefecture: string[];
  station: string;
  contractType: ContractType[];
  settlementMinAtLeast: number | null;
  settlementMaxAtMost: number | null;
  paymentTermsAtMost: number | null;
  startBy: string;
  culture: Culture[];
  sort: JobSort | "";
};

export const EMPTY_FILTERS: JobFilters = {
  q: "",
  skill: [],
  rateAtLeast: null,
  rateAtMost: null,
  days: null,
  workStyle: [],
  prefecture: [],
  station: "",
  contractType: [],
  settlementMinAtLeast: null,
  settlementMaxAtMost: null,
  paymentTermsAtMost: null,
  startBy: "",
  culture: [],
  sort: "",
};

const LISTS = ["skill", "workStyle", "prefecture", "contractType", "culture"] as const;
const NUMBERS = ["rateAtLeast", "rateAtMost", "days", "settlementMinAtLeast", "settlementMaxAtMost", "paymentTermsAtMost"] as const;
const TEXTS = ["q", "station", "startBy"] as const;

/** The order parameters are written in: a search always reads the same, whatever order it was built in. */
const ORDER: (keyof JobFilters)[] = [
  "q",
  "skill",
  "rateAtLeast",
  "rateAtMost",
  "days",
  "workStyle",
  "prefecture",
  "station",
  "contractType",
  "settlementMinAtLeast",
  "settlementMaxAtMost",
  "paymentTermsAtMost",
  "startBy",
  "culture",
  "sort",
];

function listOfParam(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  return [...new Set(values)];
}

function numberOfParam(params: URLSearchParams, name: string): number | null {
  const value = params.get(name);
  if (value == null || value.trim() === "") return null;
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** The filters a query string names; what it does not name (or names wrongly) is unset. */
export function parseFilters(search: string): JobFilters {
  const params = new URLSearchParams(search.startsWith("?") ? search.substring(1) : search);
  const filters: JobFilters = { ...EMPTY_FILTERS };
  for (const name of TEXTS) filters[name] = (params.get(name) ?? "").trim();
  for (const name of NUMBERS) filters[name] = numberOfParam(params, name);
  filters.skill = listOfParam(params, "skill");
  filters.workStyle = listOfParam(params, "workStyle") as WorkStyle[];
  filters.prefecture = listOfParam(params, "prefecture");
  filters.contractType = listOfParam(params, "contractType") as ContractType[];
  filters.culture = listOfParam(params, "culture") as Culture[];
  const sort = params.get("sort");
  filters.sort = sort === "RELEVANCE" || sort === "NEWEST" || sort === "RATE" || sort === "START_DATE" ? sort : "";
  return filters;
}

/** The query string of some filters, without `?`; empty when nothing is set. */
export function filtersQuery(filters: JobFilters): string {
  const params = new URLSearchParams();
  for (const name of ORDER) {
    const value = filters[name];
    if ((LISTS as readonly string[]).includes(name)) {
      const list = value as string[];
      if (list.length) params.set(name, list.join(","));
    } else if (value != null && value !== "") {
      params.set(name, String(value).trim());
    }
  }
  return params.toString();
}

/** The filters with one value of a checkbox list ticked or unticked. */
export function toggle<K extends (typeof LISTS)[number]>(filters: JobFilters, name: K, value: JobFilters[K][number]): JobFilters {
  const list = filters[name] as string[];
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return { ...filters, [name]: next };
}

/** How many filters are set, besides the text and the order: the badge of the filter panel. */
export function activeFilterCount(filters: JobFilters): number {
  let count = 0;
  for (const name of ORDER) {
    if (name === "q" || name === "sort") continue;
    const value = filters[name];
    if (Array.isArray(value) ? value.length > 0 : value != null && value !== "") count++;
  }
  return count;
}

/** The count a facet gives a value, 0 when the facet does not list it. */
export function facetCount(facets: Record<string, { value: string; count: number }[]> | null | undefined, facet: string, value: string): number {
  return facets?.[facet]?.find((f) => f.value === value)?.count ?? 0;
}

/** The prefectures in JIS order (north to south), as Japanese job boards list them. */
export const PREFECTURES = [
  "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
  "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
  "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
  "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
] as const;
