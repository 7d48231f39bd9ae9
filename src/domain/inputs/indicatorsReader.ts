/** Reads 指標 and 指標実績: the plan's KPIs and their measured values. */
import { norm } from '../core/cells';
import { type Finding, error, warning } from '../core/findings';
import { fiscalYear, positiveInt, quantity, target, text } from '../core/schemas';
import { cell, parseRow, rule } from '../core/table';
import { HEADERS, TAB } from '../core/tabs';
import { type StructureEntry, type Indicator, type IndicatorResult, type TabValues } from './inputModel';
import { tableOf } from './inputTable';
import * as M from './inputMessages';

export function readIndicators(
  tabs: TabValues,
  structure: ReadonlyMap<string, StructureEntry>,
  findings: Finding[],
): { indicators: Indicator[]; results: IndicatorResult[] } {
  const indicators: Indicator[] = [];
  const table = tableOf(tabs, TAB.indicators, HEADERS.indicators, findings);
  if (table) {
    const rules = {
      name: rule('指標', text('指標')),
      goal: rule('目標', positiveInt('目標'), false),
      baseYear: rule('基準年度', fiscalYear('基準年度')),
      base: rule('基準値', quantity('基準値')),
      targetYear: rule('目標年度', fiscalYear('目標年度')),
      target: rule('目標値', target('目標値')),
      source: rule('出典', text('出典'), false),
    };
    const seen = new Map<string, number>();
    for (const row of table.rows) {
      const number = norm(cell(table, row, '番号'));
      const col = (h: string) => table.columns.get(h);
      if (number === '') findings.push(error(table.sheet, row.row, col('番号'), M.say.indicatorNumberMissing()));
      else if (seen.has(number))
        findings.push(error(table.sheet, row.row, col('番号'), M.say.indicatorNumberTwice(number, seen.get(number))));
      const { value, ok } = parseRow(table, row, rules, findings);
      if (!ok || number === '' || seen.has(number)) continue;
      seen.set(number, row.row);
      if (value.targetYear! < value.baseYear!) {
        findings.push(
          error(table.sheet, row.row, col('目標年度'), M.say.targetBeforeBase(value.targetYear!, value.baseYear!)),
        );
        continue;
      }
      if (value.goal !== undefined && !structure.has(String(value.goal))) {
        findings.push(warning(table.sheet, row.row, col('目標'), M.say.goalMissing(String(value.goal))));
      }
      const percent = value.base!.unit === '%' || value.target!.unit === '%';
      const units = new Set([value.base!.unit, value.target!.unit].filter((u) => u !== ''));
      if (units.size > 1) {
        findings.push(warning(table.sheet, row.row, col('目標値'), M.say.unitsDiffer([...units])));
      }
      indicators.push({
        number,
        name: value.name!,
        goal: value.goal,
        baseYear: value.baseYear!,
        base: value.base!,
        targetYear: value.targetYear!,
        target: value.target!,
        source: value.source ?? '',
        percent,
      });
    }
  }
  const results = readResults(tabs, indicators, table !== undefined, findings);
  return { indicators, results };
}

/** 指標実績: one measured value of one KPI in one year (the KPI known in 指標, when 指標 could be read). */
function readResults(
  tabs: TabValues,
  indicators: readonly Indicator[],
  indicatorsRead: boolean,
  findings: Finding[],
): IndicatorResult[] {
  const results: IndicatorResult[] = [];
  const resultTable = tableOf(tabs, TAB.indicatorResults, HEADERS.indicatorResults, findings);
  if (resultTable) {
    const rules = { year: rule('年度', fiscalYear('年度')), value: rule('実績', quantity('実績')) };
    const seen = new Map<string, number>();
    for (const row of resultTable.rows) {
      const number = norm(cell(resultTable, row, '番号'));
      const { value, ok } = parseRow(resultTable, row, rules, findings);
      const col = resultTable.columns.get('番号');
      if (number === '') {
        findings.push(error(resultTable.sheet, row.row, col, M.say.resultNumberMissing()));
        continue;
      }
      if (!indicators.some((i) => i.number === number) && indicatorsRead) {
        findings.push(error(resultTable.sheet, row.row, col, M.say.resultNumberUnknown(number)));
        continue;
      }
      if (!ok) continue;
      const key = `${number}/${value.year}`;
      if (seen.has(key)) {
        findings.push(
          error(
            resultTable.sheet,
            row.row,
            resultTable.columns.get('年度'),
            M.say.resultTwice(number, value.year!, seen.get(key)),
          ),
        );
        continue;
      }
      seen.set(key, row.row);
      results.push({ number, year: value.year!, value: value.value! });
    }
  }
  return results;
}
