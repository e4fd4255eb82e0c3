/**
 * The arithmetic of the console's bar charts, apart from drawing so it can be tested: a value axis
 * that starts at zero and ends on a round number, and where each bar goes.
 */

/** The axis: 0 to `max` in `ticks` (round steps of 1, 2 or 5 × 10ⁿ); at least 0–1. */
export function niceScale(values: number[], wanted = 4): { max: number; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const top = Math.max(0, ...finite);
  const least = Math.min(0, ...finite);
  const rough = Math.max(top - least, 1) / wanted;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  // Every figure is whole (counts, yen): an axis of 0, 0.25, 0.5 contracts reads as nonsense.
  const step = Math.max(1, nice);
  const max = Math.max(step, Math.ceil(top / step) * step);
  const min = least < 0 ? Math.floor(least / step) * step : 0;
  const ticks: number[] = [];
  for (let tick = min; tick <= max; tick += step) ticks.push(tick);
  return { max, ticks };
}

export type Bar = { x: number; y: number; width: number; height: number };

/**
 * Bars for `values` in a plot area of `width`×`height`, each in its own slot with a gap; the
 * axis runs from the lowest tick (0, or below it for a month whose credit notes outweigh its
 * invoices) to the highest.
 */
export function bars(values: number[], width: number, height: number, ticks: number[]): Bar[] {
  if (values.length === 0) return [];
  const low = ticks[0];
  const high = ticks[ticks.length - 1];
  const range = high - low || 1;
  const slot = width / values.length;
  const barWidth = Math.max(1, slot * 0.7);
  const y = (value: number) => height - ((value - low) / range) * height;
  const zero = y(Math.max(low, 0));
  return values.map((value, i) => {
    const top = y(value);
    return {
      x: i * slot + (slot - barWidth) / 2,
      y: Math.min(top, zero),
      width: barWidth,
      height: Math.abs(zero - top),
    };
  });
}

/** Where a tick sits on the plot's vertical axis. */
export function tickY(tick: number, height: number, ticks: number[]): number {
  const low = ticks[0];
  const range = ticks[ticks.length - 1] - low || 1;
  return height - ((tick - low) / range) * height;
}

/** Consecutive months from `from` to `to`, both YYYY-MM and included. */
export function monthsBetween(from: string, to: string): string[] {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  const months: string[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? (y++, (m = 1)) : m++) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
    if (months.length > 240) break;
  }
  return months;
}

/** The month `count - 1` months before `month`, so a range of `count` months ends at `month`. */
export function monthsBack(month: string, count: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) - (count - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The current month in Japan, whose calendar the figures follow. */
export function currentMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}

/**
 * Under a bar: the month's number, and below it the year where a year starts and on the first
 * bar, so twelve labels fit without running into each other.
 */
export function axisLabel(month: string, first: boolean): { month: string; year: string | null } {
  const [year, number] = month.split("-").map(Number);
  return { month: String(number), year: first || number === 1 ? String(year) : null };
}
