import { bars, niceScale, tickY } from "../chart";

const WIDTH = 480;
const HEIGHT = 240;
const LEFT = 56;
const BOTTOM = 40;
const TOP = 8;

/**
 * One figure per month as an SVG bar chart: an image with a title and a description for screen
 * readers (the page's table holds every number), and each bar's value as a tooltip.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  /** Each month in full, for the tooltips. */
  labels: string[];
  /** Each month briefly, under its bar, with the year where one starts. */
  axisLabels: { month: string; year: string | null }[];
  values: number[];
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  colour: string;
}) {
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const { ticks } = niceScale(props.values);
  const placed = bars(props.values, plotWidth, plotHeight, ticks);
  // Every label fits up to a year of months; beyond that every n-th one.
  const every = Math.max(1, Math.ceil(props.labels.length / 12));
  return (
    <figure className="chart" id={props.id}>
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        <g transform={`translate(${LEFT},${TOP})`}>
          {ticks.map((tick) => {
            const y = tickY(tick, plotHeight, ticks);
            return (
              <g key={tick} className="tick">
                <line x1={0} x2={plotWidth} y1={y} y2={y} className={tick === 0 ? "axis" : "grid"} />
                <text x={-6} y={y} dy="0.32em" textAnchor="end">
                  {props.formatTick(tick)}
                </text>
              </g>
            );
          })}
          {placed.map((bar, i) => (
            <rect
              key={props.labels[i]}
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={Math.max(bar.height, props.values[i] === 0 ? 0 : 1)}
              fill={props.colour}
              className={props.values[i] < 0 ? "negative" : undefined}
              data-month={props.labels[i]}
              data-value={props.values[i]}
            >
              <title>{`${props.labels[i]}: ${props.formatValue(props.values[i])}`}</title>
            </rect>
          ))}
          {props.axisLabels.map((label, i) =>
            i % every === 0 ? (
              <text
                key={props.labels[i]}
                x={(i + 0.5) * (plotWidth / props.labels.length)}
                y={plotHeight + 16}
                textAnchor="middle"
                className="label"
              >
                {label.month}
                {label.year ? (
                  <tspan x={(i + 0.5) * (plotWidth / props.labels.length)} dy="1.2em">
                    {label.year}
                  </tspan>
                ) : null}
              </text>
            ) : null,
          )}
        </g>
      </svg>
    </figure>
  );
}
