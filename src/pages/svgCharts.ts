/**
 * Charts of the report as inline SVG: no native module, the same picture on screen, on paper and
 * on the city's website. Each has a title and a description that say its numbers in words (the
 * page also prints them in a table beside it), and every value is written on the chart: nothing
 * is said by colour alone.
 */
import type { GradeChart, KpiChart } from '../domain/report/reportModel';
import { type SafeHtml, html } from './html';

const FONT = `"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif`;
const WIDTH = 640;

/** An SVG picture that says what it shows: a title and a description a screen reader reads. */
function svgFrame(id: string, height: number, title: string, desc: string, body: unknown): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${WIDTH} ${height}" width="100%"
    aria-labelledby="${id}-t ${id}-d" font-family="${FONT}" font-size="12">
    <title id="${id}-t">${title}</title><desc id="${id}-d">${desc}</desc>
    ${body}</svg>`;
}

/** Black or white, whichever reads better on `fill` (WCAG contrast of the count written on a bar). */
export function textOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** Horizontal bars, one per line of the chart, each stacked by grade with the count written in it. */
export function stackedBarSvg(chart: GradeChart, id: string): SafeHtml {
  const label = 150;
  const bar = 22;
  const gap = 8;
  const legend = 28;
  const height = legend + chart.bars.length * (bar + gap) + 4;
  const most = Math.max(1, ...chart.bars.map((b) => b.counts.reduce((x, y) => x + y, 0)));
  const unit = (WIDTH - label - 40) / most;
  const desc = chart.bars
    .map((b) => `${b.label}：${chart.series.map((s, i) => `${s} ${b.counts[i]}件`).join('、')}`)
    .join('。');
  const legendItems = chart.series.map((s, i) => {
    const x = label + i * 70;
    return html`<rect
        x="${x}"
        y="4"
        width="14"
        height="14"
        fill="${chart.colors[i]}"
        stroke="#333"
        stroke-width="0.5"
      />
      <text x="${x + 18}" y="16">${s}</text>`;
  });
  const bars = chart.bars.map((b, row) => {
    const y = legend + row * (bar + gap);
    let x = label;
    const segments = b.counts.map((n, i) => {
      const w = n * unit;
      const seg = html`<rect x="${x}" y="${y}" width="${w}" height="${bar}" fill="${chart.colors[i]}" />${
        n > 0 && w >= 16
          ? html`<text x="${x + w / 2}" y="${y + 15}" text-anchor="middle" fill="${textOn(chart.colors[i])}"
                >${n}</text
              >`
          : ''
      }`;
      x += w;
      return seg;
    });
    const total = b.counts.reduce((p, q) => p + q, 0);
    return html`<text x="${label - 6}" y="${y + 15}" text-anchor="end">${b.label}</text>${segments}
      <text x="${x + 4}" y="${y + 15}">計${total}</text>`;
  });
  return svgFrame(id, height, chart.title, desc, [legendItems, bars]);
}

/** Ticks for an axis from 0 (or below) to a round maximum. */
function niceScale(low: number, high: number): { min: number; max: number; step: number } {
  const span = Math.max(high - low, 1e-9);
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step, step };
}

interface Plot {
  readonly xOf: (year: number) => number;
  readonly yOf: (v: number) => number;
  readonly left: number;
  readonly right: number;
  readonly baseline: number;
}

/** Horizontal grid lines with their values, and the years under the plot. */
function axesSvg(
  axis: { min: number; max: number; step: number },
  firstYear: number,
  lastYear: number,
  unit: string,
  p: Plot,
): SafeHtml[] {
  const out: SafeHtml[] = [];
  for (let v = axis.min; v <= axis.max + axis.step / 2; v += axis.step) {
    const y = p.yOf(v);
    out.push(
      html`<line x1="${p.left}" x2="${WIDTH - p.right}" y1="${y}" y2="${y}" stroke="#d0d0d0" />
        <text x="${p.left - 6}" y="${y + 4}" text-anchor="end">${Math.round(v * 10) / 10}${unit}</text>`,
    );
  }
  const yearStep = Math.max(1, Math.ceil((lastYear - firstYear) / 10));
  for (let y = firstYear; y <= lastYear; y += yearStep)
    out.push(html`<text x="${p.xOf(y)}" y="${p.baseline + 16}" text-anchor="middle">${y}</text>`);
  return out;
}

/**
 * A KPI over the years: the dashed path from the base to the target, the target (a point, a band
 * for a range), and every measured value joined by a line, each point labelled with its value.
 */
export function targetPathSvg(chart: KpiChart, id: string): SafeHtml {
  const height = 250;
  const left = 52;
  const right = 24;
  const top = 16;
  const bottom = 36;
  const years = [chart.base.year, chart.target.year, ...chart.values.map((v) => v.year)];
  const [firstYear, lastYear] = [Math.min(...years), Math.max(...years)];
  const all = [chart.base.value, chart.target.low, chart.target.high, ...chart.values.map((v) => v.value)];
  const axis = niceScale(Math.min(0, ...all), Math.max(...all) * 1.1);
  const xOf = (year: number) =>
    left + ((year - firstYear) / Math.max(lastYear - firstYear, 1)) * (WIDTH - left - right);
  const yOf = (v: number) => top + (1 - (v - axis.min) / (axis.max - axis.min)) * (height - top - bottom);
  const axes = axesSvg(axis, firstYear, lastYear, chart.unit, { xOf, yOf, left, right, baseline: height - bottom });
  const edge =
    Math.abs(chart.target.low - chart.base.value) <= Math.abs(chart.target.high - chart.base.value)
      ? chart.target.low
      : chart.target.high;
  const tx = xOf(chart.target.year);
  const target =
    chart.target.low === chart.target.high
      ? html`<circle cx="${tx}" cy="${yOf(edge)}" r="5" fill="#ffffff" stroke="#000000" stroke-width="2" />`
      : html`<rect
          x="${tx - 6}"
          y="${yOf(chart.target.high)}"
          width="12"
          height="${Math.max(2, yOf(chart.target.low) - yOf(chart.target.high))}"
          fill="#9ecae1"
          stroke="#000000"
        />`;
  const measured = chart.values.map((v) => `${xOf(v.year)},${yOf(v.value)}`).join(' ');
  const line =
    chart.values.length > 1
      ? html`<polyline points="${measured}" fill="none" stroke="#2166ac" stroke-width="2" />`
      : '';
  const desc =
    `基準 ${chart.base.text}（${chart.base.year}年度）、目標 ${chart.target.text}（${chart.target.year}年度）。` +
    (chart.values.length
      ? `実績 ${chart.values.map((v) => `${v.year}年度 ${v.text}`).join('、')}。`
      : '実績はまだありません。');
  return svgFrame(
    id,
    height,
    chart.title,
    desc,
    html`${axes}
    <text x="${WIDTH - right}" y="${height - 4}" text-anchor="end">年度</text>
    <line
      x1="${xOf(chart.base.year)}"
      y1="${yOf(chart.base.value)}"
      x2="${tx}"
      y2="${yOf(edge)}"
      stroke="#555555"
      stroke-width="1.5"
      stroke-dasharray="6 4"
    />
    <rect x="${xOf(chart.base.year) - 4}" y="${yOf(chart.base.value) - 4}" width="8" height="8" fill="#555555" />
    <text x="${xOf(chart.base.year) + 8}" y="${yOf(chart.base.value) + 16}">基準 ${chart.base.text}</text>
    ${target}
    <text x="${tx - 8}" y="${yOf(chart.target.high) - 8}" text-anchor="end">目標 ${chart.target.text}</text>
    ${line}
    ${chart.values.map(
      (v) =>
        html`<circle cx="${xOf(v.year)}" cy="${yOf(v.value)}" r="4" fill="#2166ac" />
          <text x="${xOf(v.year)}" y="${yOf(v.value) - 8}" text-anchor="middle">${v.text}</text>`,
    )}`,
  );
}
