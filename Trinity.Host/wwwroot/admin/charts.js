// The dashboard's live charts, drawn by the vendored uPlot (lib/uplot) from GET api/admin/metrics/recent.
const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

// From zero, with room above the highest point; a chart with nothing yet still shows its axis.
const fromZero = (_, __, max) => [0, max > 0 ? max * 1.15 : 1];

function axis(label, side = 3) {
  return { label, side, stroke: css("--muted"), grid: { stroke: css("--line"), width: 1 }, ticks: { stroke: css("--line") }, size: 48 };
}

// Points too: an interval between idle ones (latency is null when nothing was pushed) has no line to draw.
function series(label, colour, scale = "y") {
  return { label, stroke: colour, width: 2, scale, spanGaps: false, points: { show: true, size: 4, fill: colour } };
}

/** Each chart: its container, its series and how to read them from a sample. */
const definitions = () => [
  {
    id: "chart-votes",
    series: [series("votes/s", css("--accent")), series("matches/min", css("--like"), "m")],
    axes: [axis("votes/s"), { ...axis("matches/min", 1), scale: "m", grid: { show: false } }],
    scales: { m: { range: fromZero } },
    values: (s) => [s.votesPerSecond, s.matchesPerMinute],
  },
  {
    id: "chart-connections",
    series: [series("connections", "#8ab4ff")],
    axes: [axis("connections")],
    values: (s) => [s.connections],
  },
  {
    id: "chart-latency",
    series: [series("p50 ms", css("--like")), series("p99 ms", "#f5a524")],
    axes: [axis("ms")],
    values: (s) => [s.fanOutP50Ms, s.fanOutP99Ms],
  },
];

const Height = 200;
let charts = null;

function create() {
  charts = definitions().map((d) => {
    const element = document.getElementById(d.id);
    const plot = new uPlot({
      width: Math.max(element.clientWidth, 200),
      height: Height,
      series: [{}, ...d.series],
      axes: [{ stroke: css("--muted"), grid: { stroke: css("--line"), width: 1 }, ticks: { stroke: css("--line") } }, ...d.axes],
      scales: { x: { time: true }, y: { range: fromZero }, ...(d.scales ?? {}) },
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
    }, [[], ...d.series.map(() => [])], element);
    element.dataset.points = "0";
    new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 200), height: Height })).observe(element);
    return { definition: d, plot, element };
  });
}

/** Redraws every chart from the samples (oldest first); `data-points` and `data-max` (of the first series) say what it shows. */
export function drawCharts(samples) {
  if (typeof uPlot === "undefined") return;
  if (!charts) create();
  const times = samples.map((s) => Date.parse(s.at) / 1000);
  for (const { definition, plot, element } of charts) {
    const columns = definition.series.map((_, i) => samples.map((s) => definition.values(s)[i] ?? null));
    plot.setData([times, ...columns]);
    element.dataset.points = String(samples.length);
    element.dataset.max = String(Math.max(0, ...columns[0].filter((v) => v !== null)));
  }
}
