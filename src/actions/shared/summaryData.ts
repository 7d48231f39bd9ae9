import { type AnswerRecord, byCurrentDepartment, readAnswers } from '../../domain/inputs/answers';
import { type CommitteeGrade, committeeGradesOf, readCommitteeGrades } from '../../domain/committee/committeeGrades';
import { openRecommendations } from '../../domain/committee/recommendations';
import { readReplies } from '../../domain/committee/replies';
import type { Grid } from '../../domain/core/cells';
import type { Finding } from '../../domain/core/findings';
import type { PlanInputs, Settings } from '../../domain/inputs/inputs';
import { type Summary, summarise } from '../../domain/summary/summary';
import type { CommitteePart } from '../../domain/summary/summaryTab';
import { TAB } from '../../domain/core/tabs';
import type { Workbook } from '../../port';

/** Everything 評価サマリー and the yearly report show, counted once from the tabs. */
export interface SummaryData {
  readonly summary: Summary;
  readonly committee: CommitteePart;
  /** Every grade the committee gave (all years), with its 意見. */
  readonly committeeGrades: readonly CommitteeGrade[];
  /** 委員会評価 as read (buildSummary adds its missing rows). */
  readonly committeeValues: Grid | undefined;
  readonly committeeTable: ReturnType<typeof readCommitteeGrades>;
}

/** 回答 as the summary counts it: answers merged under a department's old name count once, as the department's. */
export function readSummaryAnswers(wb: Workbook, inputs: PlanInputs, findings: Finding[]): AnswerRecord[] {
  return byCurrentDepartment(
    readAnswers(wb.read(TAB.answers), findings, inputs.settings?.scales),
    inputs.directory,
    findings,
  );
}

/** The summary of the 対象年度 and the committee's cycle (its grades, every 提言 still followed with the replies). */
export function summaryData(
  wb: Workbook,
  inputs: PlanInputs,
  settings: Settings,
  answers: readonly AnswerRecord[],
  findings: Finding[],
  now: Date,
): SummaryData {
  const summary = summarise(inputs, settings, answers, now);
  const committeeValues = wb.read(TAB.committee);
  const committeeTable = readCommitteeGrades(committeeValues, settings.committeeGrades, findings);
  const replies = readReplies(wb.read(TAB.replies), inputs.directory, findings).records;
  return {
    summary,
    committee: {
      grades: committeeGradesOf(committeeTable.grades, settings.year),
      previousGrades: committeeGradesOf(committeeTable.grades, settings.year - 1),
      open: openRecommendations(inputs.recommendations, replies, settings.year),
    },
    committeeGrades: committeeTable.grades,
    committeeValues,
    committeeTable,
  };
}
