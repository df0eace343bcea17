/**
 * chart.js, registered tree-shaken: only the controllers, elements, scales and plugins the app
 * draws with. Animations are off everywhere: charts update in place as results stream in, and an
 * animation per update would keep the main thread busy for no information.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';

export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

/** The palette: baseline slate blue, variant teal, then orange and violet for more variants. */
export const COLORS = {
  baseline: '#4a5d7a',
  baselineBand: 'rgba(74, 93, 122, 0.18)',
  variant: '#0b7f80',
  variantBand: 'rgba(11, 127, 128, 0.2)',
  series: ['#0b7f80', '#c05f14', '#6d4fb0', '#2f6fb3'],
  seriesBand: [
    'rgba(11, 127, 128, 0.18)',
    'rgba(192, 95, 20, 0.16)',
    'rgba(109, 79, 176, 0.16)',
    'rgba(47, 111, 179, 0.16)',
  ],
  positive: '#0b7f80',
  negative: '#c2410c',
  total: '#4a5d7a',
  grid: 'rgba(15, 23, 42, 0.08)',
  text: '#334155',
  marker: '#0f172a',
};

export interface VerticalMarker {
  value: number;
  label?: string;
  /** Where a vertical marker's label sits (default: top). */
  at?: 'top' | 'bottom';
}

/**
 * Extras drawn on a bar chart's datasets: a value label at the end of each bar, and a whisker (the
 * P10–P90 range of a Monte Carlo figure) across it. Indexed like the dataset's data; null skips.
 */
export interface BarDecorations {
  labels?: { dataset: number; text: (string | null)[] }[];
  whiskers?: { dataset: number; ranges: (readonly [number, number] | null)[] }[];
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType> {
    /** Vertical lines (on the x scale) or horizontal ones (on the y scale) with a label. */
    markers?: { x?: VerticalMarker[]; y?: VerticalMarker[]; _type?: TType };
    /** Value labels and whiskers on bars (see BarDecorations). */
    bars?: BarDecorations & { _type?: TType };
  }
}

/** Draws the markers named in `options.plugins.markers`: P(NPV > 0) at zero, the tornado centre. */
const markers: Plugin = {
  id: 'markers',
  afterDatasetsDraw(chart, _args, options: { x?: VerticalMarker[]; y?: VerticalMarker[] }) {
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = COLORS.marker;
    ctx.fillStyle = COLORS.marker;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([5, 4]);
    ctx.font = `600 12px ${FONT_STACK}`;
    for (const marker of options.x ?? []) {
      const x = chart.scales.x?.getPixelForValue(marker.value);
      if (x === undefined || x < chartArea.left - 1 || x > chartArea.right + 1) continue;
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      if (marker.label) {
        const width = ctx.measureText(marker.label).width;
        const left = x + 6 + width > chartArea.right ? x - 6 - width : x + 6;
        const y = marker.at === 'bottom' ? chartArea.bottom - 8 : chartArea.top + 14;
        ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
        ctx.fillRect(left - 3, y - 12, width + 6, 16);
        ctx.fillStyle = COLORS.marker;
        ctx.fillText(marker.label, left, y);
      }
    }
    for (const marker of options.y ?? []) {
      const y = chart.scales.y?.getPixelForValue(marker.value);
      if (y === undefined || y < chartArea.top - 1 || y > chartArea.bottom + 1) continue;
      ctx.beginPath();
      ctx.moveTo(chartArea.left, y);
      ctx.lineTo(chartArea.right, y);
      ctx.stroke();
      if (marker.label) ctx.fillText(marker.label, chartArea.left + 6, y - 6);
    }
    ctx.restore();
  },
};

/** The geometry chart.js gives a bar element (BarElement's properties after layout). */
interface BarGeometry {
  x: number;
  y: number;
  base: number;
  horizontal?: boolean;
}

/**
 * Draws BarDecorations: whiskers first (a line with end caps along the value axis, through the
 * bar's middle), then labels at the bar's outer end (above a vertical bar, right of a horizontal
 * one; inside the plot when the end is at its edge).
 */
const bars: Plugin = {
  id: 'bars',
  afterDatasetsDraw(chart, _args, options: BarDecorations) {
    const { ctx, chartArea } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const valueScale = horizontal ? chart.scales.x : chart.scales.y;
    if (valueScale === undefined) return;
    ctx.save();
    ctx.strokeStyle = COLORS.marker;
    ctx.lineWidth = 1.5;
    for (const w of options.whiskers ?? []) {
      const meta = chart.getDatasetMeta(w.dataset);
      if (meta.hidden) continue;
      w.ranges.forEach((range, i) => {
        const bar = meta.data[i] as unknown as BarGeometry | undefined;
        if (!range || !bar) return;
        const lo = valueScale.getPixelForValue(range[0]);
        const hi = valueScale.getPixelForValue(range[1]);
        const at = horizontal ? bar.y : bar.x;
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(lo, at);
          ctx.lineTo(hi, at);
          for (const x of [lo, hi]) {
            ctx.moveTo(x, at - 4);
            ctx.lineTo(x, at + 4);
          }
        } else {
          ctx.moveTo(at, lo);
          ctx.lineTo(at, hi);
          for (const y of [lo, hi]) {
            ctx.moveTo(at - 4, y);
            ctx.lineTo(at + 4, y);
          }
        }
        ctx.stroke();
      });
    }
    ctx.font = `600 11px ${FONT_STACK}`;
    ctx.fillStyle = COLORS.text;
    for (const l of options.labels ?? []) {
      const meta = chart.getDatasetMeta(l.dataset);
      if (meta.hidden) continue;
      const whisker = options.whiskers?.find((w) => w.dataset === l.dataset);
      l.text.forEach((text, i) => {
        const bar = meta.data[i] as unknown as BarGeometry | undefined;
        if (!text || !bar) return;
        const width = ctx.measureText(text).width;
        // The label clears the whisker too, when the bar has one.
        const range = whisker?.ranges[i];
        const reach = range
          ? [valueScale.getPixelForValue(range[0]), valueScale.getPixelForValue(range[1])]
          : [];
        if (horizontal) {
          const end = Math.max(bar.x, bar.base, ...reach);
          const x =
            end + 5 + width > chartArea.right ? Math.min(bar.x, bar.base) - 5 - width : end + 5;
          ctx.textBaseline = 'middle';
          ctx.fillText(text, x, bar.y);
        } else {
          const top = Math.min(bar.y, bar.base, ...reach);
          const y = top - 5 < chartArea.top + 10 ? top + 14 : top - 5;
          ctx.textBaseline = 'alphabetic';
          ctx.fillText(text, bar.x - width / 2, y);
        }
      });
    }
    ctx.restore();
  },
};

let registered = false;

export function setupCharts(): typeof Chart {
  if (!registered) {
    Chart.register(
      BarController,
      BarElement,
      CategoryScale,
      Filler,
      Legend,
      LineController,
      LineElement,
      LinearScale,
      PointElement,
      Tooltip,
      markers,
      bars,
    );
    Chart.defaults.animation = false;
    Chart.defaults.font.family = FONT_STACK;
    Chart.defaults.font.size = 12;
    Chart.defaults.color = COLORS.text;
    Chart.defaults.borderColor = COLORS.grid;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.plugins.legend.labels.boxWidth = 14;
    Chart.defaults.plugins.legend.labels.boxHeight = 10;
    registered = true;
  }
  return Chart;
}

/**
 * Draws throw-away charts off screen while the page is idle, before the first result arrives.
 * chart.js compiles much of its code on first use: the first real chart would otherwise take
 * several times longer to create, just as results start streaming. Each chart is made in the steps
 * the page's charts use (set-up, layout, drawing; see ChartCanvas.svelte), one idle callback each:
 * a warm-up that ran in one go would itself be a long task (60–70 ms measured in Chromium on a
 * 2-core machine, for each chart).
 */
export function warmUpCharts(): void {
  if (typeof document === 'undefined') return;
  const idle =
    typeof requestIdleCallback === 'function'
      ? (fn: () => void) => requestIdleCallback(fn, { timeout: 1000 })
      : (fn: () => void) => setTimeout(fn, 50);
  const steps: (() => void)[] = [];
  // From plain to full: a bar chart without axes, one with axes, then the full line and bar
  // charts. Each compiles a part of chart.js (core update and bars; scales; lines, fills, titles,
  // legends, the app's plugins), so no one step has much left to compile: measured in Chromium on
  // a 2-core machine, the longest step takes 10-12 ms of CPU, where the full line chart's layout,
  // warmed up first, took 15-17 ms.
  const warmUps = [
    { type: 'bar', labels: 3, full: false, axes: false },
    { type: 'bar', labels: 6, full: false, axes: true },
    { type: 'line', labels: 36, full: true, axes: true },
    { type: 'bar', labels: 36, full: true, axes: true },
  ] as const;
  for (const { type, labels: count, full, axes } of warmUps) {
    let chart: Chart | undefined;
    let hold: 'update' | 'render' | undefined;
    const stepper: Plugin = {
      id: 'steps',
      beforeUpdate: () => (hold === 'update' ? false : undefined),
      beforeRender: () => (hold === 'render' ? false : undefined),
    };
    steps.push(
      () => {
        const Chart = setupCharts();
        const canvas = document.createElement('canvas');
        canvas.width = 320;
        canvas.height = 200;
        const labels = Array.from({ length: count }, (_, i) => String(i + 1));
        const data = labels.map((_, i) => Math.sin(i / 6) * 1e6);
        hold = 'update';
        chart = new Chart(canvas, {
          type,
          data: {
            labels,
            datasets: full
              ? [
                  { label: 'a', data, fill: type === 'line' ? '-1' : false },
                  { label: 'b', data },
                ]
              : [{ label: 'a', data }],
          },
          options: {
            responsive: false,
            scales: {
              x: { display: axes, title: { display: full, text: 'x' } },
              y: { display: axes, title: { display: full, text: 'y' } },
            },
            plugins: {
              legend: { display: full, position: 'bottom' },
              markers: full ? { x: [{ value: 1, label: 'm' }] } : {},
            },
          },
          plugins: [stepper],
        });
        hold = undefined;
      },
      () => {
        hold = 'render';
        chart?.update('none');
        hold = undefined;
      },
      () => chart?.render(),
      () => chart?.destroy(),
    );
  }
  const next = () => {
    const step = steps.shift();
    if (step === undefined) return;
    step();
    idle(next);
  };
  idle(next);
}
