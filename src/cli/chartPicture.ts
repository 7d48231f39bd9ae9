/**
 * The summary's chart as a PNG picture for an .xlsx file (exceljs writes no charts): a stacked
 * bar of the grades per row of the table it stands beside, drawn by vega-lite and rendered by
 * resvg. Loaded only when a chart is drawn, so that other commands start fast.
 */
import type { Cell } from '../domain/cells';

/** Pixels of the picture: it fits the width of an A4 landscape page of the summary. */
const WIDTH = 880;

/**
 * `data`: the first row names the series (grades), the first column the categories (目標);
 * the picture, or undefined where the renderers cannot run (the offline single file).
 */
export async function renderChart(
  title: string,
  data: Cell[][],
  colors: readonly string[],
): Promise<{ png: Buffer; width: number; height: number } | undefined> {
  const [header, ...rows] = data;
  const series = header.slice(1).map(String);
  // 「目標4 プランの積極的な推進」 → 「目標4」: vega measures CJK text short and would cut long labels.
  const values = rows.flatMap((r) =>
    series.map((s, i) => ({ category: String(r[0]).split(' ')[0], grade: s, count: Number(r[i + 1]) || 0 })),
  );
  const height = Math.max(60, rows.length * 34);
  try {
    const [vega, vl, { Resvg }] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
    const spec = {
      title,
      width: WIDTH - 160,
      height,
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
          scale: { domain: series, range: [...colors] },
        },
        order: { field: 'grade', sort: 'ascending' },
      },
      config: {
        font: 'Noto Sans CJK JP',
        title: { fontSize: 18 },
        axis: { labelFontSize: 15, titleFontSize: 15 },
        legend: { orient: 'bottom', titleLimit: 200, labelFontSize: 15, titleFontSize: 15 },
      },
    };
    const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
    const svg = await view.toSVG();
    const image = new Resvg(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK JP' },
      fitTo: { mode: 'width', value: WIDTH * 2 },
    }).render();
    return { png: image.asPng(), width: WIDTH, height: Math.round((image.height / image.width) * WIDTH) };
  } catch {
    return undefined;
  }
}
