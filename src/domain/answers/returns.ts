/**
 * A department's returned file taken back a second time (DESIGN "Corrections"): its later return
 * replaces its earlier one row by row. What the last import left in each row is remembered as a
 * fingerprint (書き出し記録's 最後に取り込んだ回答); a row of the tab that still holds exactly that
 * is the department's own earlier answer and may be replaced. Only a row someone changed in the
 * tab after the last import stops the import.
 */
import { sameTypedAnswer } from '../inputs/answers';
import { type Cell, compact, isBlank } from '../core/cells';
import type { Scales } from '../core/scales';
import { type Finding, error } from '../core/findings';
import { fingerprint } from '../requests/requestIndex';
import type { RequestTabContent } from '../requests/requestTab';
import { ANSWER_FIELDS, type AnswerField } from '../core/tabs';
import * as M from './exchangeMessages';

type Fields = Readonly<Partial<Record<AnswerField, Cell>>>;
const SHORT_FIELDS: readonly AnswerField[] = ['自己評価', '今後の方向性', '参加者数（男性）', '参加者数（女性）'];

const answerHash = (fields: Fields) => fingerprint(ANSWER_FIELDS.map((f) => compact(fields[f])));
const replyHash = (r: { status: Cell; content: Cell }) => fingerprint([compact(r.status), compact(r.content)]);
const replyKey = (number: string) => `提言${number}`;

/** "4-1-2-2#1a2b3c4d 提言R6-1#5e6f7a8b": each answered row's fingerprint after an import. */
export function returnSnapshot(
  rows: ReadonlyArray<{ id: string; fields: Fields }>,
  replies: ReadonlyMap<string, { status: Cell; content: Cell }>,
): string {
  const answered = rows.filter((r) => r.id !== '' && ANSWER_FIELDS.some((f) => !isBlank(r.fields[f])));
  return [
    ...answered.map((r) => `${r.id}#${answerHash(r.fields)}`),
    ...[...replies].map(([n, r]) => `${replyKey(n)}#${replyHash(r)}`),
  ].join(' ');
}

export function parseSnapshot(text: Cell): Map<string, string> {
  return new Map(
    String(text ?? '')
      .split(/\s+/)
      .map((part) => /^(.+)#([0-9a-f]{8})$/.exec(part))
      .filter((m) => m !== null)
      .map((m) => [m[1], m[2]]),
  );
}

export interface ReturnPlan {
  /** Rows both the tab and the file answer differently, the tab's changed since the last import. */
  readonly conflicts: Finding[];
  /** 事業番号 whose row the file replaces whole (blanks included): the department's correction. */
  readonly replaced: ReadonlySet<string>;
  /** What the user is shown: 「4-1-2-3：自己評価 B → A、実施状況・実績を変更」. */
  readonly changes: string[];
}

/** Compares a returned file with the tab it goes into, row by row. */
export function planReturn(
  target: RequestTabContent,
  file: RequestTabContent,
  snapshot: ReadonlyMap<string, string>,
  typedReplies: (tab: RequestTabContent) => Map<string, { status: Cell; content: Cell }>,
  scales: Scales,
): ReturnPlan {
  const conflicts: Finding[] = [];
  const replaced = new Set<string>();
  const changes: string[] = [];
  for (const r of file.rows) {
    const mine = target.rows.find((t) => t.id === r.id);
    if (!mine || !ANSWER_FIELDS.some((f) => !isBlank(r.fields[f]))) continue;
    if (!ANSWER_FIELDS.some((f) => !isBlank(mine.fields[f])) || sameTypedAnswer(mine.fields, r.fields, scales))
      continue;
    if (snapshot.get(r.id) !== answerHash(mine.fields)) {
      conflicts.push(error(target.sheet, mine.row, 1, M.say.answerConflict(r.id)));
      continue;
    }
    replaced.add(r.id);
    changes.push(changeText(r.id, mine.fields, r.fields));
  }
  const mineReplies = typedReplies(target);
  for (const [number, r] of typedReplies(file)) {
    const t = mineReplies.get(number);
    if (!t || replyHash(t) === replyHash(r)) continue;
    if (snapshot.get(replyKey(number)) !== replyHash(t)) {
      const row = target.replies.find((x) => x.number === number)?.row;
      conflicts.push(error(target.sheet, row, 1, M.say.replyConflict(number)));
    } else changes.push(`提言 ${number}：対応を変更`);
  }
  return { conflicts, replaced, changes };
}

/** 「4-1-2-3：自己評価 B → A、実施状況・実績を変更」: what a later answer changes in an earlier one. */
export function changeText(id: string, before: Fields, after: Fields): string {
  const parts = ANSWER_FIELDS.filter((f) => compact(before[f]) !== compact(after[f])).map((f) =>
    SHORT_FIELDS.includes(f)
      ? `${f} ${compact(before[f]) || '空欄'} → ${compact(after[f]) || '空欄'}`
      : `${f}を${isBlank(after[f]) ? '空欄に' : '変更'}`,
  );
  return `${id}：${parts.join('、')}`;
}
