/**
 * The control panel (操作パネル), shown in the spreadsheet's sidebar: the year's steps with the
 * next one marked, a progress bar while a step runs (createRequests is called again and again
 * until done, each call within about 30 seconds), each department's status, and the last check's
 * findings as links that select their cell. The page draws itself from the state as JSON; every
 * text goes in through textContent, so nothing a user typed can become markup.
 */
import type { PanelState } from '../domain/panel/panel';
import { html, raw } from './html';

/** What panelState() answers. */
export type PanelReply = { ok: true; state: PanelState } | { ok: false; message: string };

/** What panelRun(step) answers: `again` while tabs remain (the panel calls it again at once). */
export interface PanelRunReply {
  readonly ok: boolean;
  readonly title: string;
  readonly message: string;
  readonly again: boolean;
  readonly progress?: { readonly done: number; readonly total: number; readonly next?: string };
}

const STYLE = `
body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif;
  font-size: 14px; line-height: 1.6; color: #1a1a1a; margin: 0; padding: 12px; }
h1 { font-size: 18px; margin: 0; }
h2 { font-size: 15px; margin: 18px 0 6px; border-bottom: 1px solid #ccc; }
.year { margin: 0 0 4px; color: #333; }
ol.steps { list-style: none; padding: 0; margin: 0; counter-reset: step; }
ol.steps li { display: flex; align-items: center; gap: 8px; margin: 4px 0; }
ol.steps button { flex: 1; text-align: left; padding: 6px 10px; font: inherit; border: 1px solid #888;
  border-radius: 4px; background: #fff; color: #1a1a1a; cursor: pointer; }
ol.steps li.next button { border: 2px solid #0b57d0; background: #e8f0fe; font-weight: bold; }
ol.steps .mark { min-width: 4.5em; font-size: 13px; }
ol.steps li.done .mark { color: #146c2e; }
ol.steps li.next .mark { color: #0b57d0; font-weight: bold; }
button:disabled { opacity: 0.55; cursor: default; }
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
progress { width: 100%; height: 16px; }
.result { white-space: pre-wrap; padding: 8px; border-radius: 4px; background: #f1f3f4; margin-top: 8px; }
.result.bad { background: #fce8e6; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 4px; text-align: left; vertical-align: top; }
td.status-未回答, td.status-未作成 { color: #b3261e; font-weight: bold; }
td.status-回答中 { color: #8a4b00; }
ul.findings { padding-left: 0; list-style: none; margin: 0; font-size: 13px; }
ul.findings li { margin: 6px 0; }
ul.findings button.where { font: inherit; color: #0b57d0; text-decoration: underline; background: none;
  border: none; padding: 0; cursor: pointer; }
.sev-エラー { color: #b3261e; font-weight: bold; }
`;

/** Runs in the sidebar (Chrome or Edge): plain ES2017, no library. */
const SCRIPT = `
(function () {
  'use strict';
  var state = JSON.parse(document.getElementById('panel-state').textContent);
  var running = false;
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function call(fn, args) {
    return new Promise(function (resolve, reject) {
      var runner = google.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
      runner[fn].apply(runner, args || []);
    });
  }
  function render() {
    $('year').textContent = state.yearLabel;
    var steps = $('steps');
    steps.replaceChildren();
    state.steps.forEach(function (s) {
      var li = el('li', undefined, (s.done ? 'done' : '') + (s.next ? ' next' : ''));
      var b = el('button', s.label);
      b.type = 'button';
      b.dataset.step = s.id;
      b.disabled = running;
      if (s.next) b.setAttribute('aria-describedby', 'next-mark');
      b.addEventListener('click', function () { runStep(s.id, s.label); });
      var mark = el('span', s.next ? '次はこれ' : s.done ? '済' : '', 'mark');
      if (s.next) mark.id = 'next-mark';
      li.append(b, mark);
      steps.append(li);
    });
    $('deadline').textContent = state.deadline;
    var body = $('departments');
    body.replaceChildren();
    state.departments.forEach(function (d) {
      var tr = el('tr');
      tr.append(el('td', d.name), el('td', d.status, 'status-' + d.status),
        el('td', d.total ? d.answered + '/' + d.total : '—'));
      body.append(tr);
    });
    $('no-departments').hidden = state.departments.length > 0;
    var list = $('findings');
    list.replaceChildren();
    state.findings.forEach(function (f) {
      var li = el('li');
      li.append(el('span', f.severity, 'sev-' + f.severity), ' ');
      if (f.row) {
        var where = el('button', '「' + f.sheet + '」' + f.cell, 'where');
        where.type = 'button';
        where.addEventListener('click', function () { call('panelSelect', [f.sheet, f.row, f.col]); });
        li.append(where);
      } else {
        li.append(el('span', '「' + f.sheet + '」'));
      }
      li.append(el('div', f.message));
      list.append(li);
    });
    $('no-findings').hidden = state.findings.length > 0;
    $('more-findings').textContent = state.moreFindings
      ? 'ほかに ' + state.moreFindings + '件あります（「チェック結果」シート）。' : '';
  }
  function showResult(text, ok) {
    var r = $('result');
    r.hidden = false;
    r.className = 'result' + (ok ? '' : ' bad');
    r.textContent = text;
  }
  function showProgress(label, p) {
    var bar = $('bar');
    if (p) {
      bar.max = p.total;
      bar.value = p.done;
      $('progress-text').textContent = label + '：' + p.done + ' / ' + p.total + ' 課' +
        (p.next ? '（次は ' + p.next + '）' : '');
    } else {
      bar.removeAttribute('value');
      $('progress-text').textContent = label + 'を実行しています…';
    }
  }
  async function runStep(id, label) {
    if (running) return;
    running = true;
    render();
    $('progress-area').hidden = false;
    $('progress-heading').textContent = '実行中';
    $('result').hidden = true;
    showProgress(label);
    var reply, last = -1, stalled = 0, calls = 0;
    try {
      do {
        reply = await call('panelRun', [id]);
        calls++;
        if (reply.progress) {
          showProgress(label, reply.progress);
          stalled = reply.progress.done === last ? stalled + 1 : 0;
          last = reply.progress.done;
        }
      } while (reply.again && stalled < 2 && calls < 500);
      $('progress-area').hidden = !reply.progress;
      $('progress-heading').textContent = reply.again ? '途中で止まりました' : '完了';
      var head = calls > 1 ? calls + ' 回に分けて実行しました。最後の回の結果：\\n' : '';
      if (reply.message) showResult(head + (reply.title ? reply.title + '\\n' : '') + reply.message, reply.ok);
    } catch (e) {
      showResult('通信が途切れました。作成・取り込みの済んだところはそのままです。もう一度「' + label +
        '」を押すと続きから進めます。', false);
    }
    running = false;
    try {
      var fresh = await call('panelState', []);
      if (fresh.ok) state = fresh.state;
    } catch (e) { /* the last state stays shown */ }
    render();
  }
  render();
})();
`;

export function panelHtml(state: PanelState): string {
  // JSON inside <script>: "<" escaped so that no text can close the element.
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return html`<!DOCTYPE html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>操作パネル</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <h1>操作パネル</h1>
          <p class="year" id="year"></p>
          <section aria-labelledby="steps-heading">
            <h2 id="steps-heading">1年の流れ</h2>
            <ol class="steps" id="steps"></ol>
          </section>
          <section id="progress-area" hidden aria-live="polite">
            <h2 id="progress-heading">実行中</h2>
            <progress id="bar" aria-labelledby="progress-text"></progress>
            <p id="progress-text"></p>
          </section>
          <div id="result" class="result" role="status" hidden></div>
          <section aria-labelledby="departments-heading">
            <h2 id="departments-heading">各課の回答状況</h2>
            <p id="deadline"></p>
            <table>
              <thead>
                <tr>
                  <th scope="col">所管課</th>
                  <th scope="col">状況</th>
                  <th scope="col">回答</th>
                </tr>
              </thead>
              <tbody id="departments"></tbody>
            </table>
            <p id="no-departments" hidden>事業のある課がまだありません。</p>
          </section>
          <section aria-labelledby="findings-heading">
            <h2 id="findings-heading">入力チェックの結果</h2>
            <ul class="findings" id="findings"></ul>
            <p id="no-findings" hidden>エラー・注意はありません。</p>
            <p id="more-findings"></p>
          </section>
        </main>
        <script type="application/json" id="panel-state">
          ${raw(json)}
        </script>
        <script>
          ${raw(SCRIPT)}
        </script>
      </body>
    </html>`.safeHtml;
}
