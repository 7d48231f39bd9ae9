/** The reminder dialog (未回答の課への連絡): a line per department with its editors and a link that opens the e-mail. */
import type { Reminder } from '../domain/requests/remind';
import { html } from './html';

export function reminderHtml(list: readonly Reminder[], heading: string): string {
  const rows = list.map(
    (r) =>
      html`<tr>
        <td>${r.department}</td>
        <td>${r.status}</td>
        <td>${r.answered}/${r.total}</td>
        <td>${r.editors.join(', ')}</td>
        <td>
          ${
            r.mailto
              ? html`<a href="${r.mailto}" target="_blank">メールを作成</a>`
              : '（編集者が未登録です。「所管課」シートに入れてください）'
          }
          <details>
            <summary>本文の全文（コピー用）</summary>
            <textarea readonly rows="8" cols="60" aria-label="${r.department}への本文の全文">${r.body}</textarea>
          </details>
        </td>
      </tr>`,
  );
  return html`<!DOCTYPE html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>未回答の課への連絡</title>
      </head>
      <body style="font-family:sans-serif;font-size:13px">
        <p>${heading}</p>
        <table border="1" cellpadding="4" style="border-collapse:collapse">
          <tr>
            <th>所管課</th>
            <th>状況</th>
            <th>回答済</th>
            <th>編集者</th>
            <th>連絡</th>
          </tr>
          ${rows}
        </table>
        <p>「メールを作成」を押すと、件名と本文の入ったメールが開きます。このツールはメールを送りません。</p>
        <p>リンクに入る長さには限りがあるため、メールの本文は短くしてあります。未入力の事業の一覧などは「本文の全文」からコピーして貼り付けてください。</p>
      </body>
    </html>`.safeHtml;
}
