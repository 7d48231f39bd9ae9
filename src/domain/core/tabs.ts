/**
 * Tab names, header rows and 設定 items that users and other tools rely on: changing one
 * breaks every spreadsheet already in use.
 */

export const TAB = {
  plan: 'プラン',
  structure: '体系',
  indicators: '指標',
  indicatorResults: '指標実績',
  departments: '所管課',
  settings: '設定',
  answers: '回答',
  summary: '評価サマリー',
  /** The body of the yearly 進捗状況報告書: every 事業 under its headings with its answer. */
  projectList: '事業別一覧',
  check: 'チェック結果',
  /** Which department each request tab belongs to, and its answer status. */
  requestIndex: '調査シート一覧',
  /** The 確認コード of each request exported to a file (command line only). */
  exports: '書き出し記録',
  /** The committee's grade and comment per 課題 and year. */
  committee: '委員会評価',
  /** The committee's recommendations, each addressed to one or more departments. */
  recommendations: '提言',
  /** The departments' merged replies to the 提言. */
  replies: '提言への対応',
} as const;

export const REQUEST_TAB_PREFIX = '調査_';

/** The first line of a request tab. */
export const requestTitle = (planName: string) => `${planName} 進捗状況調査`;

/** What a department answers for each 事業: the request tab's input columns, stored in 回答. */
const ANSWER_COLUMNS = [
  '実施状況・実績',
  '自己評価',
  '今後の方向性',
  '課題・改善点',
  '参加者数（男性）',
  '参加者数（女性）',
] as const;

export const HEADERS = {
  plan: ['目標', '課題', '施策', '事業', '事業名', '事業内容', '所管'],
  structure: ['区分', '目標', '課題', '施策', '名称'],
  indicators: ['番号', '指標', '目標', '基準年度', '基準値', '目標年度', '目標値', '出典'],
  indicatorResults: ['番号', '年度', '実績'],
  departments: ['所管課', '別名', '編集者', '関係各課'],
  settings: ['項目', '値'],
  answers: ['年度', '事業番号', '所管課', ...ANSWER_COLUMNS, '取込日時'],
  check: ['重要度', 'シート', 'セル', '内容'],
  request: ['事業番号', '事業名', '事業内容', '前年度の自己評価', ...ANSWER_COLUMNS],
  exports: ['所管課', '対象年度', '確認コード', '書き出し日時', '最後に取り込んだ回答'],
  committee: ['年度', '目標', '課題', '評価', '意見'],
  recommendations: ['番号', '年度', '提言', '課題', '所管課'],
  replies: ['年度', '提言番号', '所管課', '対応状況', '対応内容', '取込日時'],
  /**
   * The second table of a request tab. Its two answer columns stand under the 事業 table's
   * 実施状況・実績 and 自己評価, so that the text goes in the wide column and the choice in the narrow one.
   */
  requestReplies: ['提言番号', '年度', '提言', '課題', '対応内容', '対応状況'],
  requestIndex: [
    '所管課',
    'シート名',
    '対象年度',
    '事業数',
    '回答済',
    '回答状況',
    '最終取込',
    '保護・入力規則',
    'シートID',
    '範囲',
  ],
} as const;

/** Optional column of プラン: the numbers a 事業 had before a revision (、-separated). */
export const PLAN_FORMER_IDS = '旧事業番号';

/** The columns of a request tab the tool fills (and locks); the rest are the department's answers. */
export const REQUEST_FILLED = HEADERS.request.slice(0, 4);
export const ANSWER_FIELDS: readonly AnswerField[] = ANSWER_COLUMNS;
export type AnswerField = (typeof ANSWER_COLUMNS)[number];

export const SETTING = {
  year: '対象年度',
  deadline: '回答期限',
  planName: 'プラン名',
  gradeScale: '自己評価の区分',
  directionScale: '今後の方向性の区分',
  ungraded: '評価対象外の区分',
  /** Who runs the menu (e-mails, comma-separated); none listed: whoever runs it, and the owner. */
  admins: '管理者',
  committeeScale: '委員会評価の区分',
  replyScale: '対応状況の区分',
  kpiScale: '指標の判定の区分',
} as const;

/** The tabs the 管理者 fill in and every action checks, in the order findings are listed. */
export const INPUT_TABS: readonly string[] = [
  TAB.plan,
  TAB.structure,
  TAB.indicators,
  TAB.indicatorResults,
  TAB.departments,
  TAB.settings,
  TAB.recommendations,
];

/** Tabs only the 管理者 may edit: the inputs and what the tool writes from them. */
export const ADMIN_TABS: readonly string[] = [
  ...INPUT_TABS,
  TAB.answers,
  TAB.requestIndex,
  TAB.summary,
  TAB.projectList,
  TAB.committee,
  TAB.replies,
];

export const DEFAULT_GRADES = 'A：目標を達成、B：おおむね達成、C：一部未達成、D：未実施';
export const DEFAULT_DIRECTIONS = '拡充、継続、見直し、完了、廃止';
export const DEFAULT_COMMITTEE_GRADES = '◎：順調、○：おおむね順調、△：やや遅れ、×：遅れ';
export const DEFAULT_REPLY_STATUSES = '対応済、対応中、検討中、対応困難';
/** A KPI's states against the path to its target (summary/kpiTrack.ts), in the order of 指標の判定の区分. */
export const KPI_STATES = ['achieved', 'onTrack', 'slightlyBehind', 'behind', 'unmeasured'] as const;
export type KpiState = (typeof KPI_STATES)[number];
/** 指標の判定の区分: the words for a KPI's five states, in this order (see kpiTrack.ts). */
export const DEFAULT_KPI_STATUSES = '達成、順調、やや遅れ、遅れ、未測定';
/** The 対応状況 that closes a 提言 for the department that gave it. */
export const REPLY_DONE = '対応済';
