/**
 * The bad-input corpus: what people really type, each with the Japanese message and the cell it
 * must produce. Rows and columns refer to the Kiyose example (examples/), e.g. プラン row 5 is
 * 4-1-2-3 (職員課); in 調査_職員課, row 8 is 4-1-2-2 and row 9 is 4-1-2-3, E is 実施状況・実績,
 * F 自己評価, G 今後の方向性, I/J 参加者数.
 */
import { HEADERS, TAB } from '../../src/domain/core/tabs';
import type { FakeApp } from '../fake/spreadsheetApp';

export type Tabs = Record<string, string[][]>;
type Severity = 'エラー' | '注意';

/** A mistake in the input tabs: validatePlan reports it; with an エラー, createRequests writes no tab. */
export interface PlanCase {
  readonly name: string;
  readonly edit: (t: Tabs) => void;
  readonly sheet: string;
  /** A1 cell, or 'N行目' for a whole row, or '' for the whole tab. */
  readonly cell: string;
  /** The finding's code: `area.name`, from the `say` of a message module. */
  readonly code: string;
  /** What the sentence must name: the facts, and where the wording is the point, the wording. */
  readonly message: string;
  readonly severity?: Severity;
}

/** Input that looks odd but is right: no finding at all. */
export interface CleanCase {
  readonly name: string;
  readonly edit: (t: Tabs) => void;
}

/** A mistake in a department's request tab: mergeResponses skips that department whole. */
export interface AnswerCase {
  readonly name: string;
  readonly edit: (app: FakeApp) => void;
  readonly sheet: string;
  readonly cell: string;
  readonly code: string;
  readonly message: string;
  readonly severity?: Severity;
}

const set = (t: Tabs, tab: string, row: number, col: number, v: string) => {
  t[tab][row - 1][col - 1] = v;
};
/** Adds the optional 旧事業番号 column to プラン (column H) and fills it on the given rows. */
const former = (t: Tabs, values: Record<number, string>) => {
  t[TAB.plan][0][7] = '旧事業番号';
  for (const [row, v] of Object.entries(values)) t[TAB.plan][Number(row) - 1][7] = v;
};
const P = TAB.plan;
const D = TAB.departments;
const I = TAB.indicators;
const R = TAB.indicatorResults;
const S = TAB.settings;
const K = TAB.structure;

export const PLAN_CASES: PlanCase[] = [
  {
    name: '事業名が空',
    code: 'table.cellEmpty',
    edit: (t) => set(t, P, 4, 5, ''),
    sheet: P,
    cell: 'E4',
    message: '「事業名」が空です。入力してください。',
  },
  {
    name: '所管が空',
    code: 'table.cellEmpty',
    edit: (t) => set(t, P, 6, 7, ''),
    sheet: P,
    cell: 'G6',
    message: '「所管」が空です',
  },
  {
    name: '結合セル（目標が上の行とだけ）',
    code: 'table.cellEmpty',
    edit: (t) => set(t, P, 3, 1, ''),
    sheet: P,
    cell: 'A3',
    message: '上のセルと結合されている場合は、結合を解除して各行に値を入れてください',
  },
  {
    name: '目標が0',
    code: 'table.valueInvalid',
    edit: (t) => set(t, P, 2, 1, '0'),
    sheet: P,
    cell: 'A2',
    message: '目標の番号「0」は 1 以上の整数ではありません',
  },
  {
    name: '課題が小数',
    code: 'table.valueInvalid',
    edit: (t) => set(t, P, 2, 2, '1.5'),
    sheet: P,
    cell: 'B2',
    message: '課題の番号「1.5」は 1 以上の整数ではありません',
  },
  {
    name: '施策が負の数',
    code: 'table.valueInvalid',
    edit: (t) => set(t, P, 2, 3, '-1'),
    sheet: P,
    cell: 'C2',
    message: '施策の番号「-1」は 1 以上の整数ではありません',
  },
  {
    name: '事業が漢数字',
    code: 'table.valueInvalid',
    edit: (t) => set(t, P, 2, 4, '三'),
    sheet: P,
    cell: 'D2',
    message: '事業の番号「三」は 1 以上の整数ではありません',
  },
  {
    name: '事業が日付になった',
    code: 'table.valueInvalid',
    edit: (t) => set(t, P, 2, 4, '2025/4/1'),
    sheet: P,
    cell: 'D2',
    message: '事業の番号日付は 1 以上の整数ではありません',
  },
  {
    name: '事業番号の重複（後の行）',
    code: 'input.duplicateProjectId',
    edit: (t) => set(t, P, 4, 4, '1'),
    sheet: P,
    cell: 'D4',
    message: '事業番号 4-1-2-1 が 3行目と 4行目の2か所にあります',
  },
  {
    name: '事業番号の重複（前の行）',
    code: 'input.duplicateProjectId',
    edit: (t) => set(t, P, 4, 4, '1'),
    sheet: P,
    cell: 'D3',
    message: '事業番号 4-1-2-1 が 3行目と 4行目の2か所にあります',
  },
  {
    name: '体系にない目標',
    code: 'input.structureMissing',
    edit: (t) => set(t, P, 12, 1, '5'),
    sheet: P,
    cell: 'A12',
    message: '目標 5 が「体系」シートにありません',
  },
  {
    name: '体系にない課題',
    code: 'input.structureMissing',
    edit: (t) => set(t, P, 12, 2, '7'),
    sheet: P,
    cell: 'B12',
    message: '課題 4-7 が「体系」シートにありません',
  },
  {
    name: '体系にない施策',
    code: 'input.structureMissing',
    edit: (t) => set(t, P, 12, 3, '9'),
    sheet: P,
    cell: 'C12',
    message: '施策 4-2-9 が「体系」シートにありません',
  },
  {
    name: '所管の誤字（候補あり）',
    code: 'input.unknownDepartment',
    edit: (t) => set(t, P, 5, 7, '職員科'),
    sheet: P,
    cell: 'G5',
    message: '所管「職員科」は「所管課」シートにない課です。「職員課」のことでしょうか。',
  },
  {
    name: '所管の旧名（候補あり）',
    code: 'input.unknownDepartment',
    edit: (t) => set(t, P, 2, 7, '男女共同参画推進センター'),
    sheet: P,
    cell: 'G2',
    message: '「男女共同参画センター」のことでしょうか',
  },
  {
    name: '所管が知らない課',
    code: 'input.unknownDepartment',
    edit: (t) => set(t, P, 5, 7, '道路課'),
    sheet: P,
    cell: 'G5',
    message: '所管「道路課」は「所管課」シートにない課です。課の名前を直すか',
  },
  {
    name: '所管の一部だけ知らない課',
    code: 'input.unknownDepartment',
    edit: (t) => set(t, P, 5, 7, '職員課、広報課'),
    sheet: P,
    cell: 'G5',
    message: '所管「広報課」は「所管課」シートにない課です',
  },
  {
    name: '関係各課なのに TRUE の課がない',
    code: 'input.noConcernedDepartment',
    edit: (t) => t[D].slice(1).forEach((r) => (r[3] = 'FALSE')),
    sheet: P,
    cell: 'G4',
    message: '「関係各課」列が TRUE の課が1つもありません',
  },
  {
    name: '別名が2つの課に',
    code: 'input.nameUsedTwice',
    edit: (t) => set(t, D, 4, 2, '人事課'),
    sheet: D,
    cell: 'B4',
    message: '「人事課」は 3行目の「職員課」の名前か別名にも使われています',
  },
  {
    name: '別名がほかの課の名前',
    code: 'input.nameUsedTwice',
    edit: (t) => set(t, D, 4, 2, '職員課'),
    sheet: D,
    cell: 'B4',
    message: '「職員課」は 3行目の「職員課」の名前か別名にも使われています',
  },
  {
    name: '同じ課が2行',
    code: 'input.departmentTwice',
    edit: (t) => t[D].push(['職員課', '', 'x@city.example.lg.jp', 'FALSE']),
    sheet: D,
    cell: 'A7',
    message: '所管課「職員課」が 3行目にもあります',
  },
  {
    name: '編集者がメールアドレスでない',
    code: 'input.editorNotEmail',
    edit: (t) => set(t, D, 3, 3, '職員課の山田'),
    sheet: D,
    cell: 'C3',
    message: '編集者「職員課の山田」はメールアドレスの形ではありません',
  },
  {
    name: '関係各課の欄が読めない',
    code: 'table.valueInvalid',
    edit: (t) => set(t, D, 3, 4, 'たぶん'),
    sheet: D,
    cell: 'D3',
    message: '「関係各課」「たぶん」は TRUE か FALSE',
  },
  {
    name: '編集者がいない（注意）',
    code: 'input.noEditorsYet',
    edit: (t) => set(t, D, 3, 3, ''),
    sheet: D,
    cell: 'C3',
    message: '「職員課」に編集者がいません',
    severity: '注意',
  },
  {
    name: '基準値が読めない',
    code: 'table.valueInvalid',
    edit: (t) => set(t, I, 2, 5, 'およそ6割'),
    sheet: I,
    cell: 'E2',
    message: '基準値「およそ6割」を数値として読み取れません',
  },
  {
    name: '基準年度が漢数字',
    code: 'table.valueInvalid',
    edit: (t) => set(t, I, 2, 4, '平成二十八年度'),
    sheet: I,
    cell: 'D2',
    message: '基準年度「平成二十八年度」を年度として読み取れません',
  },
  {
    name: '目標値が言葉',
    code: 'table.valueInvalid',
    edit: (t) => set(t, I, 3, 7, '増やす'),
    sheet: I,
    cell: 'G3',
    message: '目標値「増やす」を読み取れません。80%、40から60%',
  },
  {
    name: '目標年度が基準年度より前',
    code: 'input.targetBeforeBase',
    edit: (t) => set(t, I, 3, 6, '平成20年度'),
    sheet: I,
    cell: 'F3',
    message: '目標年度（平成20年度（2008年度））が基準年度（平成28年度（2016年度））より前です',
  },
  {
    name: '指標の番号の重複',
    code: 'input.indicatorNumberTwice',
    edit: (t) => set(t, I, 3, 1, '16'),
    sheet: I,
    cell: 'A3',
    message: '指標の番号 16 が 2行目にもあります',
  },
  {
    name: '単位が違う（注意）',
    code: 'input.unitsDiffer',
    edit: (t) => set(t, I, 2, 7, '80人'),
    sheet: I,
    cell: 'G2',
    message: '基準値と目標値の単位（%・人）が違います',
    severity: '注意',
  },
  {
    name: '実績の指標番号がない',
    code: 'input.resultNumberUnknown',
    edit: (t) => set(t, R, 2, 1, '99'),
    sheet: R,
    cell: 'A2',
    message: '指標の番号 99 が「指標」シートにありません',
  },
  {
    name: '実績の年度が読めない',
    code: 'table.valueInvalid',
    edit: (t) => set(t, R, 2, 2, '昨年度'),
    sheet: R,
    cell: 'B2',
    message: '年度「昨年度」を年度として読み取れません',
  },
  {
    name: '実績の同じ年度が2行',
    code: 'input.resultTwice',
    edit: (t) => t[R].push(['16', 'R2', '64%']),
    sheet: R,
    cell: 'B8',
    message: '指標 16 の 令和2年度（2020年度） の実績が 2行目にもあります',
  },
  {
    name: '対象年度がない',
    code: 'input.settingMissing',
    edit: (t) => set(t, S, 3, 2, ''),
    sheet: S,
    cell: 'B3',
    message: '「対象年度」が入力されていません',
  },
  {
    name: '回答期限の行がない',
    code: 'input.settingMissing',
    edit: (t) => (t[S] = t[S].filter((r) => r[0] !== '回答期限')),
    sheet: S,
    cell: 'B8',
    message: '「回答期限」が入力されていません',
  },
  {
    name: '対象年度が読めない',
    code: 'input.yearUnreadable',
    edit: (t) => set(t, S, 3, 2, '来年度'),
    sheet: S,
    cell: 'B3',
    message: '対象年度「来年度」を年度として読み取れません',
  },
  {
    name: '回答期限が読めない',
    code: 'input.deadlineUnreadable',
    edit: (t) => set(t, S, 4, 2, '5月末'),
    sheet: S,
    cell: 'B4',
    message: '回答期限「5月末」を日付として読み取れません',
  },
  {
    name: '自己評価の区分が1つだけ',
    code: 'scale.gradesUnreadable',
    edit: (t) => set(t, S, 5, 2, 'A'),
    sheet: S,
    cell: 'B5',
    message: '自己評価の区分を読み取れません',
  },
  {
    name: '今後の方向性の区分が1つだけ',
    code: 'scale.wordsUnreadable',
    edit: (t) => set(t, S, 6, 2, '継続'),
    sheet: S,
    cell: 'B6',
    message: '今後の方向性の区分を読み取れません',
  },
  {
    name: '評価対象外の区分が区分にない',
    code: 'scale.ungradedUnknown',
    edit: (t) => set(t, S, 7, 2, 'E'),
    sheet: S,
    cell: 'B7',
    message: '評価対象外の区分の「E」が自己評価の区分にありません',
  },
  {
    name: '体系の区分が違う',
    code: 'input.levelUnknown',
    edit: (t) => set(t, K, 2, 1, '章'),
    sheet: K,
    cell: 'A2',
    message: '区分「章」は 目標・課題・施策 のいずれかにしてください',
  },
  {
    name: '体系の重複',
    code: 'input.levelTwice',
    edit: (t) => t[K].push(['施策', '4', '1', '1', '別の名前']),
    sheet: K,
    cell: 'E9',
    message: '施策 4-1-1 が2回あります',
  },
  {
    name: '見出し「所管」を消した',
    code: 'table.headerMissing',
    edit: (t) => set(t, P, 1, 7, '担当'),
    sheet: P,
    cell: '1行目',
    message: '見出し「所管」の列がありません',
  },
  {
    name: '見出しの重複',
    code: 'table.headerTwice',
    edit: (t) => t[K][0].push('名称'),
    sheet: K,
    cell: 'F1',
    message: '見出し「名称」が E列 と F列 の2か所にあります',
  },
  {
    name: '見出し行がない',
    code: 'table.headerRowNotFound',
    edit: (t) => (t[I] = t[I].slice(1)),
    sheet: I,
    cell: 'A1',
    message: '見出し行が見つかりません',
  },
  {
    name: 'シートが空',
    code: 'table.headerRowNotFound',
    edit: (t) => (t[D] = []),
    sheet: D,
    cell: 'A1',
    message: 'シートが空です',
  },
  {
    name: 'シートを削除した',
    code: 'input.tabMissing',
    edit: (t) => delete t[K],
    sheet: K,
    cell: '',
    message: 'シート「体系」がありません',
  },
  {
    name: 'シート名を変えた',
    code: 'input.tabMissing',
    edit: (t) => {
      t['プラン（修正中）'] = t[P];
      delete t[P];
    },
    sheet: P,
    cell: '',
    message: 'シート名を変えた場合は「プラン」に戻してください',
  },
  {
    name: '空のスプレッドシート',
    code: 'input.tabMissing',
    edit: (t) => {
      for (const k of Object.keys(t)) delete t[k];
    },
    sheet: S,
    cell: '',
    message: 'シート「設定」がありません',
  },
  {
    name: '#REF! の事業名',
    code: 'table.formulaError',
    edit: (t) => set(t, P, 7, 5, '#REF!'),
    sheet: P,
    cell: 'E7',
    message: '「事業名」が計算エラー（#REF!）になっています',
  },
  {
    name: '#N/A の所管',
    code: 'table.formulaError',
    edit: (t) => set(t, P, 8, 7, '#N/A'),
    sheet: P,
    cell: 'G8',
    message: '「所管」が計算エラー（#N/A）になっています',
  },
  {
    name: 'セルの上限を超える事業内容',
    code: 'table.valueInvalid',
    edit: (t) => set(t, P, 2, 6, 'あ'.repeat(50001)),
    sheet: P,
    cell: 'F2',
    message: '50,001 文字あり、1つのセルに書き込める 49,999 文字を超えています',
  },
  // Written back with the apostrophe that keeps it text, 50,000 characters no longer fit.
  {
    name: 'ちょうど 50,000 文字の事業内容',
    code: 'table.valueInvalid',
    edit: (t) => set(t, P, 2, 6, 'あ'.repeat(50000)),
    sheet: P,
    cell: 'F2',
    message: '50,000 文字あり、1つのセルに書き込める 49,999 文字を超えています',
  },
  {
    name: '長すぎるプラン名（調査シートの題名に入らない）',
    code: 'input.settingTooLong',
    edit: (t) => set(t, S, 2, 2, 'あ'.repeat(49995)),
    sheet: S,
    cell: 'B2',
    message: '「プラン名」が長すぎて、調査シートの見出しが1つのセルに入りません',
  },
  {
    name: '管理者がメールアドレスでない',
    code: 'input.adminNotEmail',
    edit: (t) => set(t, S, 8, 2, 'センター長'),
    sheet: S,
    cell: 'B8',
    message: '管理者「センター長」はメールアドレスの形ではありません',
  },
  {
    name: '旧事業番号が今の別の事業の番号',
    code: 'input.formerIdIsCurrent',
    edit: (t) => former(t, { 5: '4-1-2-2' }),
    sheet: P,
    cell: 'H5',
    message: '旧事業番号 4-1-2-2 は、今のプランの 4行目の事業「男女別統計による住民ニーズの把握」の事業番号です',
  },
  {
    name: '旧事業番号を2つの事業が持つ（前の行）',
    code: 'input.formerIdClaimedTwice',
    edit: (t) => former(t, { 5: '4-1-9-9', 6: '4-1-9-8、4-1-9-9' }),
    sheet: P,
    cell: 'H5',
    message: '旧事業番号 4-1-9-9 が 5行目と 6行目の2つの事業に書かれています',
  },
  {
    name: '旧事業番号を2つの事業が持つ（後の行）',
    code: 'input.formerIdClaimedTwice',
    edit: (t) => former(t, { 5: '4-1-9-9', 6: '4-1-9-8、4-1-9-9' }),
    sheet: P,
    cell: 'H6',
    message: 'どちらの事業の以前の番号か決めて、一方から消してください',
  },
  {
    name: '旧事業番号の形が違う',
    code: 'input.formerIdMalformed',
    edit: (t) => former(t, { 5: '4-1-2' }),
    sheet: P,
    cell: 'H5',
    message: '旧事業番号「4-1-2」は 4-1-2-3 のような「目標-課題-施策-事業」の番号にしてください',
  },
  {
    name: '異体字の課名の誤り（𠮷→吉）',
    code: 'input.unknownDepartment',
    edit: (t) => {
      t[D].push(['𠮷田支所', '', 'yoshida@city.example.lg.jp', 'FALSE']);
      set(t, P, 5, 7, '吉田支所');
    },
    sheet: P,
    cell: 'G5',
    message: '「𠮷田支所」のことでしょうか',
  },
];

export const CLEAN_CASES: CleanCase[] = [
  {
    name: '列の順番を入れ替え、知らない列を足した',
    edit: (t) => (t[P] = t[P].map((r, i) => [i === 0 ? '備考' : '', r[6], r[4], r[0], r[1], r[2], r[3], r[5]])),
  },
  {
    name: '全角の数字と半角カナの別名',
    edit: (t) => {
      set(t, P, 2, 1, '４');
      set(t, P, 2, 7, 'ｱｲﾚｯｸ');
    },
  },
  {
    name: '所管に改行・読点・中黒で複数の課',
    edit: (t) => {
      set(t, P, 5, 7, '職員課\n企画課');
      set(t, P, 12, 7, '職員課・企画課');
      set(t, P, 2, 7, '職員課、子育て支援課');
    },
  },
  { name: 'ちょうど 49,999 文字の事業内容', edit: (t) => set(t, P, 2, 6, 'あ'.repeat(49999)) },
  {
    name: '絵文字と異体字（髙・﨑・𠮷）',
    edit: (t) => {
      t[D].push(['髙﨑𠮷田支所🌸', '', 'taka@city.example.lg.jp', 'FALSE']);
      set(t, P, 5, 7, '髙﨑𠮷田支所🌸');
      set(t, P, 5, 5, '研修の充実😊');
    },
  },
  {
    name: '範囲・以上・以下の目標値と和暦の略記',
    edit: (t) => {
      set(t, I, 2, 7, '40から60%');
      set(t, I, 3, 7, '30%以上');
      set(t, I, 2, 4, 'H28');
      set(t, I, 2, 6, 'R9');
    },
  },
  { name: 'データ行の間の空行', edit: (t) => t[P].splice(6, 0, Array(7).fill(''), Array(7).fill('')) },
  {
    name: '旧事業番号（全角、複数、自分の番号）',
    edit: (t) => former(t, { 5: '４－１－９－１、4-1-9-2', 6: '4-1-3-1' }),
  },
  {
    name: '平成31年度と令和元年度',
    edit: (t) => {
      t[R].push(['16', '平成31年度', '61%']);
      t[R].push(['17', '令和元年度', '42%']);
    },
  },
];

/** Answers the baseline departments type before each case breaks something. */
export const BASE_ANSWERS: Record<string, Record<string, Record<string, unknown>>> = {
  調査_職員課: {
    '4-1-2-2': { '実施状況・実績': '統計を男女別に集計', 自己評価: 'B', 今後の方向性: '継続' },
    '4-1-2-3': {
      '実施状況・実績': '研修を実施',
      自己評価: 'A',
      今後の方向性: '拡充',
      '参加者数（男性）': 10,
      '参加者数（女性）': 12,
    },
  },
  調査_企画課: { '4-1-2-2': { '実施状況・実績': '市民意識調査を公表', 自己評価: 'B', 今後の方向性: '継続' } },
};

const SHOKUIN = '調査_職員課';
const typeAt = (app: FakeApp, row: number, col: number, v: unknown) => app.sheet(SHOKUIN)!.type(row, col, v);

export const ANSWER_CASES: AnswerCase[] = [
  {
    name: '自己評価が区分にない',
    code: 'merge.gradeOffScale',
    edit: (a) => typeAt(a, 9, 6, 'E'),
    sheet: SHOKUIN,
    cell: 'F9',
    message:
      '自己評価「E」は A（目標を達成）、B（おおむね達成）、C（一部未達成）、D（未実施） のいずれかにしてください',
  },
  {
    name: '自己評価が別の市の区分',
    code: 'merge.gradeOffScale',
    edit: (a) => typeAt(a, 9, 6, '優'),
    sheet: SHOKUIN,
    cell: 'F9',
    message: '自己評価「優」は',
  },
  {
    name: '今後の方向性が区分にない',
    code: 'merge.directionOffScale',
    edit: (a) => typeAt(a, 8, 7, '様子見'),
    sheet: SHOKUIN,
    cell: 'G8',
    message: '今後の方向性「様子見」は 拡充、継続、見直し、完了、廃止 のいずれか',
  },
  {
    name: '参加者数が負の数',
    code: 'merge.notACount',
    edit: (a) => typeAt(a, 9, 9, -3),
    sheet: SHOKUIN,
    cell: 'I9',
    message: '参加者数（男性）「-3」は 0 以上の整数（人数）で入力してください',
  },
  {
    name: '参加者数が小数',
    code: 'merge.notACount',
    edit: (a) => typeAt(a, 9, 10, 2.5),
    sheet: SHOKUIN,
    cell: 'J9',
    message: '参加者数（女性）「2.5」は 0 以上の整数',
  },
  {
    name: '参加者数が漢数字',
    code: 'merge.notACount',
    edit: (a) => typeAt(a, 9, 9, '十人'),
    sheet: SHOKUIN,
    cell: 'I9',
    message: '参加者数（男性）「十人」は 0 以上の整数',
  },
  {
    name: '参加者数が日付になった',
    code: 'merge.notACount',
    edit: (a) => typeAt(a, 9, 9, '2025/4/1'),
    sheet: SHOKUIN,
    cell: 'I9',
    message: '参加者数（男性）「日付」は 0 以上の整数',
  },
  {
    name: '実施状況なしの自己評価',
    code: 'merge.gradeWithoutRecord',
    edit: (a) => typeAt(a, 8, 5, ''),
    sheet: SHOKUIN,
    cell: 'E8',
    message: '自己評価が入っていますが「実施状況・実績」が空です',
  },
  {
    name: '事業番号を書き換えた',
    code: 'merge.idNotInPlan',
    edit: (a) => typeAt(a, 9, 1, '4-1-2-9'),
    sheet: SHOKUIN,
    cell: 'A9',
    message: '事業番号「4-1-2-9」はこの課の事業ではありません',
  },
  {
    name: 'ほかの課の事業番号',
    code: 'merge.idOfAnotherDepartment',
    edit: (a) => typeAt(a, 9, 1, '4-1-1-1'),
    sheet: SHOKUIN,
    cell: 'A9',
    message: '事業番号「4-1-1-1」はこの課の事業ではありません',
  },
  {
    name: '保護を外して、行をコピーして重複',
    code: 'merge.duplicateId',
    edit: (a) => {
      // Pasting below the table is refused while the tab is protected: someone removed it first
      // (the whole tab is then read, not only the area the tool wrote).
      for (const p of [...a.sheet(SHOKUIN)!.protections]) p.remove();
      typeAt(a, 10, 1, '4-1-2-3');
      typeAt(a, 10, 5, '別の回答');
    },
    sheet: SHOKUIN,
    cell: 'A10',
    message: '事業番号 4-1-2-3 の行が 9行目と 10行目にあります',
  },
  {
    name: '事業番号を消した',
    code: 'merge.answerWithoutId',
    edit: (a) => typeAt(a, 9, 1, ''),
    sheet: SHOKUIN,
    cell: 'A9',
    message: '事業番号が空の行に回答があります',
  },
  {
    name: '見出しの年度が違う（去年のシート）',
    code: 'request.yearOfAnotherTab',
    edit: (a) => typeAt(a, 2, 2, '令和6年度（2024年度）'),
    sheet: SHOKUIN,
    cell: 'B2',
    message: 'このシートの対象年度（令和6年度（2024年度））が「設定」の対象年度（令和7年度（2025年度））と違います',
  },
  {
    name: '見出しの所管課を書き換えた',
    code: 'merge.headingNotThisDepartment',
    edit: (a) => typeAt(a, 3, 2, '人事部'),
    sheet: SHOKUIN,
    cell: 'B3',
    message: '見出しの所管課「人事部」が、このシートの課「職員課」と違います',
  },
  {
    name: '表の見出しを書き換えた',
    code: 'table.headerMissing',
    edit: (a) => typeAt(a, 7, 6, '評価'),
    sheet: SHOKUIN,
    cell: '7行目',
    message: '見出し「自己評価」の列がありません',
  },
  {
    name: 'セルの上限を超える回答',
    code: 'merge.tooLong',
    edit: (a) => typeAt(a, 9, 8, 'あ'.repeat(50001)),
    sheet: SHOKUIN,
    cell: 'H9',
    message: '「課題・改善点」が 50,001 文字あり',
  },
  {
    name: '行を削除した（注意、取り込む）',
    code: 'merge.rowDeleted',
    edit: (a) => {
      const s = a.sheet(SHOKUIN)!;
      s.rows.splice(7, 1);
    },
    sheet: SHOKUIN,
    cell: '',
    message: '事業 4-1-2-2「男女別統計による住民ニーズの把握」の行がありません',
    severity: '注意',
  },
];

export { HEADERS };
