// What a table's reader says of its header row and its cells, whatever the tab.

export const formulaError = (header: string, raw: unknown) =>
  `「${header}」が計算エラー（${String(raw).trim()}）になっています。式の参照先を直すか、値を直接入力してください。`;
export const headerMissing = (name: string, headerRow: number) =>
  `見出し「${name}」の列がありません。${headerRow}行目の見出しに「${name}」を加えてください（列の位置は自由です）。`;
export const headerRowNotFound = (what: string, required: readonly string[]) =>
  `${what}。1行目に見出し（${required.join('、')}）を入れてください。「初期設定」メニューで見出し付きのシートを作れます。`;
export const headerTwice = (name: string, first: string, again: string) =>
  `見出し「${name}」が ${first}列 と ${again}列 の2か所にあります。` +
  `どちらの列を使うか決められないので、一方の見出しを変えてください。`;
