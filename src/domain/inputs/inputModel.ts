/** What the input tabs hold once read and checked: the plan, its KPIs, departments and settings. */
import { type Grid } from '../core/cells';
import { type Recommendation } from '../committee/recommendations';
import { type Department, DepartmentDirectory } from '../core/departments';
import { type Quantity, type Target, onScale } from '../core/quantity';
import { type Grade, type Scales } from '../core/scales';

export interface Project {
  /** 目標-課題-施策-事業, e.g. 4-1-2-3. */
  readonly id: string;
  readonly goal: number;
  readonly issue: number;
  readonly measure: number;
  readonly number: number;
  readonly name: string;
  readonly description: string;
  readonly assignedText: string;
  readonly departments: readonly Department[];
  /** Numbers this 事業 had in earlier years (旧事業番号): its history follows it. */
  readonly formerIds: readonly string[];
  readonly row: number;
}

export interface StructureEntry {
  readonly level: '目標' | '課題' | '施策';
  readonly key: string;
  readonly name: string;
}

export interface Indicator {
  readonly number: string;
  readonly name: string;
  readonly goal?: number;
  readonly baseYear: number;
  readonly base: Quantity;
  readonly targetYear: number;
  readonly target: Target;
  readonly source: string;
  readonly percent: boolean;
}

export interface IndicatorResult {
  readonly number: string;
  readonly year: number;
  readonly value: Quantity;
}

export interface Settings {
  readonly year: number;
  readonly deadline: Date;
  readonly planName: string;
  readonly scales: Scales;
  /** 委員会評価の区分: the committee's grades per 課題 (◎ ○ △ × by default). */
  readonly committeeGrades: readonly Grade[];
  /** 対応状況の区分: what a department may say of a 提言 (対応済 closes it). */
  readonly replyStatuses: readonly string[];
  /** 指標の判定の区分: the words for 達成, 順調, やや遅れ, 遅れ and 未測定, in that order. */
  readonly kpiStatuses: readonly string[];
}

export interface PlanInputs {
  readonly projects: readonly Project[];
  readonly structure: ReadonlyMap<string, StructureEntry>;
  readonly indicators: readonly Indicator[];
  readonly results: readonly IndicatorResult[];
  readonly directory: DepartmentDirectory;
  /** Absent when 設定 has errors. */
  readonly settings?: Settings;
  /** 設定 管理者, lower-cased; empty when none are listed (then whoever runs the menu, and the owner). */
  readonly admins: readonly string[];
  /** 提言 of every year (none where the tab is missing). */
  readonly recommendations: readonly Recommendation[];
}

/** Values of the input tabs by tab name; a missing key means the tab does not exist. */
export type TabValues = Readonly<Record<string, Grid | undefined>>;

export const structureKey = (...numbers: number[]) => numbers.join('-');

export function indicatorValue(indicator: Indicator, q: Quantity): number {
  return onScale(q, indicator.percent);
}
