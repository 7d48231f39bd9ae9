/**
 * The report's style sheet: one font family for kana, kanji and digits (Noto Sans CJK JP, from
 * Debian's fonts-noto-cjk, where the PDF is printed), A4 pages numbered at the foot, body text
 * 10.5 pt and tables 9 pt, header rows repeated on each page, headings kept with what follows,
 * and Japanese line breaking (no line starts with 、。）」).
 */
export const REPORT_CSS = `
@page {
  size: A4;
  margin: 16mm 15mm 18mm;
  @bottom-center {
    content: counter(page) " / " counter(pages);
    font-family: "Noto Sans CJK JP", "Noto Sans JP", sans-serif;
    font-size: 9pt;
    color: #333;
  }
}
@page wide { size: A4 landscape; margin: 14mm 14mm 16mm; }
:root { color: #1a1a1a; background: #fff; }
body {
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif;
  font-size: 10.5pt;
  line-height: 1.7;
  line-break: strict;
  word-break: normal;
  overflow-wrap: anywhere;
  margin: 0 auto;
  max-width: 60em;
  padding: 0 1em;
}
h1, h2, h3, h4, h5 { line-height: 1.4; break-after: avoid; page-break-after: avoid; }
/* A section's heading and its opening paragraph go to the next page with what follows them. */
h2 + p, h3 + p { break-after: avoid; page-break-after: avoid; }
h1 { font-size: 26pt; margin: 0.5em 0; }
h2 { font-size: 15pt; border-bottom: 2px solid #2166ac; padding-bottom: 0.15em; margin: 1.6em 0 0.6em; }
h3 { font-size: 13pt; margin: 1.4em 0 0.5em; }
h4 { font-size: 12pt; margin: 1.2em 0 0.4em; }
h5 { font-size: 11pt; margin: 1em 0 0.4em; }
a { color: #0b4f8a; }
.cover { min-height: 80vh; display: flex; flex-direction: column; justify-content: center; text-align: center; }
.cover .plan { font-size: 16pt; margin: 0; }
.cover .year { font-size: 16pt; margin: 0.3em 0; }
.cover .date { font-size: 11pt; margin-top: 3em; }
/* the section names carry their numbers */
.toc ol { font-size: 12pt; line-height: 2; list-style: none; padding-left: 1em; }
section > p, .note { max-width: 46em; }
.note { font-size: 10.5pt; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.2em; font-size: 9pt; line-height: 1.5; }
caption { text-align: left; font-weight: bold; font-size: 10pt; padding: 0.2em 0; break-after: avoid; }
th, td { border: 1px solid #767676; padding: 0.3em 0.45em; vertical-align: top; text-align: left; }
thead th { background: #e8eef5; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, td.grade { text-align: center; white-space: nowrap; }
tr.before td { color: #404040; background: #f6f6f6; }
tr.total th, tr.total td { font-weight: bold; }
table.grades th[scope="row"] { width: 30%; }
figure { margin: 0.8em 0 1.4em; break-inside: avoid; }
figure svg { max-width: 640px; display: block; }
figcaption { margin-top: 0.3em; }
.quote { border-left: 4px solid #2166ac; padding-left: 0.8em; }
table.projects th[scope="row"] { font-weight: normal; }
td.status { white-space: nowrap; }
table.projects .id { font-weight: bold; }
table.projects .name { font-weight: bold; }
table.projects .desc { display: block; color: #333; margin-top: 0.2em; }
.wide { page: wide; break-before: page; max-width: none; }
.toolbar { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #767676; padding: 0.5em 0; z-index: 1; }
.toolbar button { font: inherit; padding: 0.3em 1em; margin-right: 0.5em; }
@media print {
  body { max-width: none; padding: 0; }
  .toolbar { display: none; }
  .cover { min-height: 240mm; break-after: page; }
  .toc { break-after: page; }
  a { color: inherit; text-decoration: none; }
}
`;
