// The sentences of 評価サマリー and 事業別一覧 (and so of the yearly report, which reads the same).

export const noAnswersYet = (year: string) =>
  `${year}の回答はまだありません。各課が調査シートに入力し、「回答を取り込む」を実行すると、自己評価の集計がここに表示されます。`;
export const noAttention = () => '該当する事業はありません。';
export const bySexNote = (projects: number) =>
  `（参加者数の報告があった事業：今年度 ${projects}件。報告のない事業は数えていません）`;
export const noOpenRecommendations = () => '対応を追っている提言はありません。';
export const surveyedYearsNote = (years: readonly string[]) =>
  `（調査した年度：${years.join('、')}。「前回からの変化」は一つ前の調査年度との差です）`;
export const noKpis = () => '成果指標がありません（「指標」シート）。';
export const projectListNote = (builtAt: string, projects: number, answers: number) =>
  `作成日時：${builtAt}　事業 ${projects}件・回答 ${answers}件。自己評価の「前年度」は同じ課の前年度の評価です。`;

/**
 * How 7.'s 評価 is decided, in the city's words for it: lines short enough for the page (one long
 * line ran past the table and made the whole summary print smaller).
 */
export function kpiRule(labels: readonly string[]): string[] {
  const [achieved, onTrack, slightly, behind, unmeasured] = labels.map((l) => `「${l}」`);
  return [
    `評価：目標に届いていれば${achieved}、進捗率が経過以上なら${onTrack}、経過の半分以上なら${slightly}、`,
    `それ未満か基準値から離れていれば${behind}、基準年度より後の実績がなければ${unmeasured}です。`,
    '進捗率＝（最新の実績−基準値）÷（目標値−基準値）。範囲・以上・以下の目標は基準値に近い側の値で計算します。',
    '経過＝基準年度から目標年度までのうち、実績の年度までに過ぎた割合。道筋の値＝その年度にまっすぐ進んでいればなる値。',
  ];
}
