/**
 * The yearly report (進捗状況報告書) as one HTML document: printed to A4 PDF by Chromium, shown in
 * the sheet's dialog, and published on the city's website (JIS X 8341-3 AA: headings in order,
 * tables with captions and header cells, each chart an SVG with its numbers in words and in a table).
 */
import type {
  DistributionLine,
  GoalPart,
  KpiPart,
  ProjectGroup,
  ProjectLine,
  RecommendationPart,
  ReportModel,
} from '../domain/report/reportModel';
import { type SafeHtml, html, lines, raw } from './html';
import { REPORT_CSS } from './reportStyle';
import { stackedBarSvg, targetPathSvg } from './svgCharts';

export interface ReportPageOptions {
  /** The dialog's buttons (print, save as .html); left out of the file that is saved or published. */
  readonly toolbar?: boolean;
}

const SECTIONS = [
  ['overview', '1. 調査の概要'],
  ['grades', '2. 自己評価の状況'],
  ['kpis', '3. 成果指標'],
  ['committee', '4. 推進委員会の評価'],
  ['recommendations', '5. 提言と各課の対応'],
  ['participants', '6. 男女別の参加者数'],
  ['projects', '7. 事業別一覧'],
] as const;

/** The whole report: cover, 目次 and the seven sections of DESIGN "The yearly report". */
export function renderReportHtml(m: ReportModel, options: ReportPageOptions = {}): string {
  const title = `${m.planName} 進捗状況報告書 ${m.yearLabel}`;
  const page = html`<!DOCTYPE html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${raw(REPORT_CSS)}
        </style>
      </head>
      <body>
        ${options.toolbar ? toolbar(title) : ''}
        <header class="cover">
          <p class="plan">${m.planName}</p>
          <h1>進捗状況報告書</h1>
          <p class="year">${m.yearLabel}</p>
          <p class="date">${m.builtAt} 作成</p>
        </header>
        <nav class="toc" aria-labelledby="toc-title">
          <h2 id="toc-title">目次</h2>
          <ol>
            ${SECTIONS.map(([id, name]) => html`<li><a href="#${id}">${name}</a></li>`)}
          </ol>
        </nav>
        <main>
          ${overview(m)}${grades(m)}${kpis(m)}${committee(m)}${recommendations(m)}${participants(m)}${projects(m)}
        </main>
      </body>
    </html> `;
  // Line breaks of this source between two Japanese characters would print as spaces.
  const cjk = '[\\u3000-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef]';
  return page.safeHtml.replace(new RegExp(`(${cjk})[ \\t]*\\n\\s*(?=${cjk})`, 'gu'), '$1');
}

function toolbar(title: string): SafeHtml {
  return html`<div class="toolbar" role="toolbar" aria-label="報告書の操作">
      <button type="button" id="print-report">印刷する</button>
      <button type="button" id="save-report">HTMLファイルとして保存</button>
      <span id="toolbar-status" role="status"></span>
    </div>
    <script>
      ${raw(toolbarScript(title))};
    </script>`;
}

/** The dialog's two buttons: print the page, or save it (without the buttons) as one .html file. */
function toolbarScript(title: string): string {
  return `(function () {
  var status = function (t) { document.getElementById('toolbar-status').textContent = t; };
  document.getElementById('print-report').addEventListener('click', function () { window.print(); });
  document.getElementById('save-report').addEventListener('click', function () {
    var copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('.toolbar, script').forEach(function (n) { n.remove(); });
    var blob = new Blob(['<!DOCTYPE html>\\n' + copy.outerHTML], { type: 'text/html;charset=utf-8' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = ${JSON.stringify(`${title.replace(/[\\/:*?"<>|\s]+/g, '_')}.html`).replace(/</g, '\\u003c')};
    document.body.appendChild(a);
    a.click();
    a.remove();
    status('保存しました（ブラウザの「ダウンロード」を見てください）。');
  });
})();`;
}

function section(id: string, body: SafeHtml | SafeHtml[], cls = ''): SafeHtml {
  const name = SECTIONS.find(([s]) => s === id)![1];
  return html`<section id="${id}" aria-labelledby="${id}-h" class="${cls}">
    <h2 id="${id}-h">${name}</h2>
    ${body}
  </section> `;
}

function overview(m: ReportModel): SafeHtml {
  const o = m.overview;
  return section(
    'overview',
    html`<p>
        ${m.yearLabel}の事業 ${o.projectCount}件について、所管課に進捗状況をたずねました（回答期限 ${m.deadline}）。
        所管課ごとの事業ごとに ${o.due}件の回答を求め、${o.answered}件の自己評価が寄せられました（回答率 ${o.rate}）。
      </p>
      <table>
        <caption>
          所管課別の回答状況
        </caption>
        <thead>
          <tr>
            <th scope="col">所管課</th>
            <th scope="col">対象の事業</th>
            <th scope="col">回答済</th>
            <th scope="col">回答率</th>
          </tr>
        </thead>
        <tbody>
          ${o.departments.map(
            (d) =>
              html`<tr>
                <th scope="row">${d.name}</th>
                <td class="num">${d.due}</td>
                <td class="num">${d.answered}</td>
                <td class="num">${d.rate}</td>
              </tr>`,
          )}
          <tr class="total">
            <th scope="row">合計</th>
            <td class="num">${o.due}</td>
            <td class="num">${o.answered}</td>
            <td class="num">${o.rate}</td>
          </tr>
        </tbody>
      </table>
      <p class="note">自己評価の区分：${m.scale.map((g) => `${g.code} ${g.label}`).join('、')}。</p>`,
  );
}

function distributionRows(l: DistributionLine, prevLabel: string): SafeHtml {
  return html`<tr>
      <th scope="row" rowspan="2">${l.label}</th>
      <td>今年度</td>
      ${l.now.map((n) => html`<td class="num">${n}</td>`)}
      <td class="num">${l.topShare}</td>
      <td class="num" rowspan="2">${l.change}</td>
    </tr>
    <tr class="before">
      <td>${prevLabel}</td>
      ${l.before.map((n) => html`<td class="num">${n}</td>`)}
      <td class="num">${l.previousTopShare}</td>
    </tr>`;
}

function distributionTable(
  m: ReportModel,
  caption: string,
  label: string,
  list: readonly DistributionLine[],
): SafeHtml {
  return html`<table class="grades">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${label}</th>
        <th scope="col">年度</th>
        ${m.series.map((s) => html`<th scope="col">${s}</th>`)}
        <th scope="col">${m.topLabel}</th>
        <th scope="col">前年度からの変化</th>
      </tr>
    </thead>
    <tbody>
      ${list.map((l) => distributionRows(l, '前年度'))}
    </tbody>
  </table>`;
}

function goalPart(m: ReportModel, g: GoalPart, index: number): SafeHtml {
  return html`<h3>${g.title}</h3>
    ${distributionTable(m, `${g.title}の課題別の自己評価（件数）`, '目標・課題', g.issues)}
    <figure>
      ${stackedBarSvg(g.chart, `goal-chart-${index}`)}
      <figcaption>図${index + 1} ${g.chart.title}。数値は上の表のとおりです。</figcaption>
    </figure>
    ${distributionTable(m, `${g.title}の施策別の自己評価（件数）`, '施策', g.measures)}
    ${trendPart(m, g, index)}`;
}

/** Every surveyed year side by side: the 目標's grades as bars, its 施策' top share in a table. */
function trendPart(m: ReportModel, g: GoalPart, index: number): SafeHtml {
  const t = g.trend;
  return html`<h4>${g.title}の自己評価の推移</h4>
    <figure>
      ${stackedBarSvg(t.chart, `trend-chart-${index}`)}
      <figcaption>図 ${t.chart.title}。「${m.topLabel}」の推移は下の表のとおりです。</figcaption>
    </figure>
    <table class="trend">
      <caption>
        ${g.title}：${m.topLabel}の推移（調査した年度ごと）
      </caption>
      <thead>
        <tr>
          <th scope="col">目標・施策</th>
          ${t.years.map((y) => html`<th scope="col">${y}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${t.rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${r.label}</th>
              ${r.shares.map((x) => html`<td class="num">${x}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function grades(m: ReportModel): SafeHtml {
  return section(
    'grades',
    html`<p>
        各課の自己評価（${m.scale.map((g) => `${g.code} ${g.label}`).join('、')}）を、目標・課題・施策ごとに数えました。
        「${m.topLabel}」は、評価のあった事業のうち上位2つの区分の割合です。
      </p>
      ${m.goals.map((g, i) => goalPart(m, g, i))} ${distributionTable(m, '全体の自己評価（件数）', '全体', [m.overall])}`,
  );
}

function kpiFigure(k: KpiPart, index: number): SafeHtml {
  return html`<figure class="kpi">
    ${targetPathSvg(k.chart, `kpi-chart-${index}`)}
    <figcaption>
      図 指標${k.title}（評価：${k.status}）。破線は基準値から目標値への道筋、■は基準値、●は実績、○・帯は目標です。
    </figcaption>
  </figure>`;
}

function kpis(m: ReportModel): SafeHtml {
  if (m.kpis.length === 0) return section('kpis', html`<p>成果指標はありません。</p>`);
  return section(
    'kpis',
    html`<p>${m.kpiRule}</p>
      <table>
        <caption>
          成果指標の実績と評価
        </caption>
        ${colgroup([26, 13, 15, 10, 13, 8, 8, 7])}
        <thead>
          <tr>
            <th scope="col">指標</th>
            <th scope="col">基準値</th>
            <th scope="col">実績</th>
            <th scope="col">同じ年度の道筋</th>
            <th scope="col">目標値</th>
            <th scope="col">進捗率</th>
            <th scope="col">経過</th>
            <th scope="col">評価</th>
          </tr>
        </thead>
        <tbody>
          ${m.kpis.map(
            (k) =>
              html`<tr>
                <th scope="row">${k.title}</th>
                <td>${k.base}</td>
                <td>
                  ${k.values.length ? lines(k.values.map((v) => `${v.year}年度 ${v.text}`).join('\n')) : '実績なし'}
                </td>
                <td class="num">${k.path}</td>
                <td>${k.target}</td>
                <td class="num">${k.progress}</td>
                <td class="num">${k.elapsed}</td>
                <td class="status">${k.status}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${m.kpis.map((k, i) => kpiFigure(k, i))}`,
  );
}

function committee(m: ReportModel): SafeHtml {
  if (m.committee.length === 0)
    return section('committee', html`<p>${m.yearLabel}と前年度の推進委員会の評価は、まだ入力されていません。</p>`);
  return section(
    'committee',
    html`<table class="text">
      <caption>
        課題ごとの推進委員会の評価と意見
      </caption>
      ${colgroup([28, 12, 16, 44])}
      <thead>
        <tr>
          <th scope="col">課題</th>
          <th scope="col">年度</th>
          <th scope="col">評価</th>
          <th scope="col">意見</th>
        </tr>
      </thead>
      <tbody>
        ${m.committee.map(
          (c) =>
            html`<tr>
              <th scope="row">${c.issue}</th>
              <td>${c.year}</td>
              <td>${c.grade}</td>
              <td>${lines(c.comment)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

function recommendation(r: RecommendationPart): SafeHtml {
  return html`<h3>提言 ${r.title}（${r.year}・課題${r.issue}）</h3>
    <p class="quote">${lines(r.text)}</p>
    <table class="text">
      <caption>
        提言 ${r.title} への各課の対応
      </caption>
      ${colgroup([24, 12, 14, 50])}
      <thead>
        <tr>
          <th scope="col">所管課</th>
          <th scope="col">対応状況</th>
          <th scope="col">回答の年度</th>
          <th scope="col">対応内容</th>
        </tr>
      </thead>
      <tbody>
        ${r.replies.map(
          (x) =>
            html`<tr>
              <th scope="row">${x.department}</th>
              <td>${x.status}</td>
              <td>${x.year}</td>
              <td>${lines(x.content)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function recommendations(m: ReportModel): SafeHtml {
  if (m.recommendations.length === 0)
    return section('recommendations', html`<p>対応を追っている提言はありません。</p>`);
  return section(
    'recommendations',
    html`<p>推進委員会の提言と、提言をあてた各課の対応です。すべての課が「対応済」と答えるまで載せます。</p>
      ${m.recommendations.map(recommendation)}`,
  );
}

function participants(m: ReportModel): SafeHtml {
  return section(
    'participants',
    html`<p>事業の参加者数を男女別に数えました。「—」は報告がなかったことを示します（0人ではありません）。</p>
      <table>
        <caption>
          施策別の男女別の参加者数（今年度と前年度）
        </caption>
        <thead>
          <tr>
            <th scope="col">施策</th>
            <th scope="col">男性</th>
            <th scope="col">女性</th>
            <th scope="col">女性の割合</th>
            <th scope="col">前年度 男性</th>
            <th scope="col">前年度 女性</th>
            <th scope="col">前年度 女性の割合</th>
          </tr>
        </thead>
        <tbody>
          ${m.participants.map(
            (p) =>
              html`<tr>
                <th scope="row">${p.label}</th>
                <td class="num">${p.now.men}</td>
                <td class="num">${p.now.women}</td>
                <td class="num">${p.now.share}</td>
                <td class="num">${p.before.men}</td>
                <td class="num">${p.before.women}</td>
                <td class="num">${p.before.share}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}

/** Column widths in percent: headings such as 自己評価 stay on one line at 9 pt. */
const colgroup = (widths: readonly number[]) =>
  html`<colgroup>
    ${widths.map((w) => html`<col style="width:${w}%" />`)}
  </colgroup>`;

const HEADING_TAG = { 1: 'h3', 2: 'h4', 3: 'h5' } as const;

function projectCells(l: ProjectLine, head: SafeHtml): SafeHtml {
  return html`<tr>
    ${head}
    <td>${l.department}</td>
    <td>${lines(l.result)}</td>
    <td class="grade">${l.grade}</td>
    <td>${trail(l.trail)}</td>
    <td>${l.direction}</td>
    <td>${lines(l.issues)}</td>
    <td class="num">${l.participants}</td>
  </tr>`;
}

/**
 * 「2023 C → 2024 B」: a line may break at an arrow, never between a year and its grade. A no-break
 * space, not an element per step: ten years of 10,000 事業 would add 130,000 elements to lay out.
 */
function trail(text: string): string {
  return text.replace(/(\d{4}) /g, '$1\u00a0');
}

function projectGroup(g: ProjectGroup): SafeHtml {
  const headings = g.headings.map((h) => {
    const tag = raw(HEADING_TAG[h.level]);
    return html`<${tag}>${h.title}</${tag}>`;
  });
  const caption = g.headings.length ? g.headings[g.headings.length - 1].title : '';
  return html`${headings}
    <table class="projects">
      <caption>
        ${caption}の事業
      </caption>
      ${colgroup([20, 12, 20, 6, 10, 9, 15, 8])}
      <thead>
        <tr>
          <th scope="col">事業</th>
          <th scope="col">所管課</th>
          <th scope="col">実施状況・実績</th>
          <th scope="col">自己評価</th>
          <th scope="col">評価の推移</th>
          <th scope="col">今後の方向性</th>
          <th scope="col">課題・改善点</th>
          <th scope="col">参加者数（男・女）</th>
        </tr>
      </thead>
      <tbody>
        ${g.lines.map((l, i) => {
          // A 事業 of several departments is named once, beside all its departments' lines.
          if (i > 0 && g.lines[i - 1].id === l.id) return projectCells(l, raw(''));
          let span = 1;
          while (g.lines[i + span]?.id === l.id) span++;
          return projectCells(
            l,
            html`<th scope="row" rowspan="${span}">
              <span class="id">${l.id}</span> <span class="name">${l.name}</span>
              <span class="desc">${lines(l.description)}</span>
            </th>`,
          );
        })}
      </tbody>
    </table>`;
}

function projects(m: ReportModel): SafeHtml {
  return section(
    'projects',
    html`<p>
        すべての事業について、所管課の回答（実施状況・実績、自己評価、今後の方向性、課題・改善点）を載せます。
        「評価の推移」は同じ課の、調査した年度ごとの自己評価です。
      </p>
      ${m.projects.map(projectGroup)}`,
    'wide',
  );
}
