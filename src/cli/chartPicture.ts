/**
 * The summary's charts as PNG pictures for an .xlsx file (exceljs writes no charts): a stacked
 * bar of the grades per row of the table it stands beside, or a KPI's values and path over the
 * years as lines, drawn by vega-lite and rendered by resvg. Loaded only when a chart is drawn, so
 * that other commands start fast.
 */
import type { Cell } from '../domain/core/cells';
import type { ChartSpec } from '../domain/core/layout';

/** Pixels of the picture: it fits the width of an A4 landscape page of the summary. */
const WIDTH = 880;

/**
 * `data`: the first row names the series (grades), the first column the categories (目標);
 * the picture, or undefined where the renderers cannot run (the offline single file).
 */
export async function renderChart(
  chart: Pick<ChartSpec, 'kind' | 'title' | 'colors' | 'size'>,
  data: Cell[][],
): Promise<{ png: Buffer; width: number; height: number } | undefined> {
  const width = chart.size?.width ?? WIDTH;
  const spec = chart.kind === 'line' ? lineSpec(chart, data, width) : barSpec(chart, data, width);
  try {
    const [vega, vl, { Resvg }] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
    const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
    const svg = await view.toSVG();
    const image = new Resvg(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK JP' },
      fitTo: { mode: 'width', value: width * 2 },
    }).render();
    return { png: image.asPng(), width, height: Math.round((image.height / image.width) * width) };
  } catch {
    return undefined;
  }
}

const CONFIG = {
  font: 'Noto Sans CJK JP',
  title: { fontSize: 18 },
  axis: { labelFontSize: 15, titleFontSize: 15 },
  legend: { orient: 'bottom', titleLimit: 200, labelFontSize: 15, titleFontSize: 15 },
};

/** Grades stacked per category (目標). */
function barSpec(chart: Pick<ChartSpec, 'title' | 'colors'>, data: Cell[][], width: number) {
  const [header, ...rows] = data;
  const series = header.slice(1).map(String);
  // 「目標4 プランの積極的な推進」 → 「目標4」: vega measures CJK text short and would cut long labels.
  const values = rows.flatMap((r) =>
    series.map((s, i) => ({ category: String(r[0]).split(' ')[0], grade: s, count: Number(r[i + 1]) || 0 })),
  );
  return {
    title: chart.title,
    width: width - 160,
    height: Math.max(60, rows.length * 34),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'category', type: 'nominal', title: null, sort: null },
      x: {
        field: 'count',
        type: 'quantitative',
        stack: 'zero',
        title: '事業数（所管課ごと）',
        axis: { tickMinStep: 1, format: 'd' },
      },
      color: {
        field: 'grade',
        type: 'nominal',
        title: '自己評価',
        sort: series,
        scale: { domain: series, range: [...chart.colors] },
      },
      order: { field: 'grade', sort: 'ascending' },
    },
    config: CONFIG,
  };
}

/** A KPI: the first column the years, then its measured values and its path (blank cells left out). */
function lineSpec(chart: Pick<ChartSpec, 'title' | 'colors' | 'size'>, data: Cell[][], width: number) {
  const [header, ...rows] = data;
  const series = header.slice(1).map(String);
  const values = rows.flatMap((r) =>
    series
      // 「2016年度」 → 「2016」: twelve years stand upright under the plot.
      .map((s, i) => ({ year: String(r[0]).replace(/年度$/, ''), series: s, value: r[i + 1] }))
      .filter((v) => typeof v.value === 'number'),
  );
  return {
    title: chart.title,
    // The picture exactly the size asked: it must not run over the rows below its block.
    width,
    height: chart.size?.height ?? 300,
    autosize: { type: 'fit', contains: 'padding' },
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: '年度', sort: null, axis: { labelAngle: 0, labelFontSize: 12 } },
      y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        sort: series,
        scale: { domain: series, range: [...chart.colors] },
        legend: { orient: 'top' },
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        sort: series,
        scale: {
          domain: series,
          range: [
            [1, 0],
            [6, 4],
          ],
        },
      },
    },
    config: CONFIG,
  };
}
