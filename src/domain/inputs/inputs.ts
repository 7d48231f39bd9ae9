/** Reads and checks every input tab: one call, every finding at its cell. */
import { readRecommendations } from '../committee/recommendations';
import { type Finding } from '../core/findings';
import { TAB } from '../core/tabs';
import { type PlanInputs, type TabValues } from './inputModel';
import { readDepartments } from './departmentsReader';
import { readStructure, readPlan } from './planReader';
import { readIndicators } from './indicatorsReader';
import { readSettings } from './settingsReader';

/**
 * Reads and checks every input tab. Everything that is wrong becomes a finding at its cell;
 * what could be read is returned so that later checks can still run.
 */
export function readInputs(tabs: TabValues): { inputs: PlanInputs; findings: Finding[] } {
  const findings: Finding[] = [];
  const directory = readDepartments(tabs, findings);
  const structure = readStructure(tabs, findings);
  const projects = readPlan(tabs, directory, structure, findings);
  const { indicators, results } = readIndicators(tabs, structure, findings);
  const { settings, admins } = readSettings(tabs, findings);
  const recommendations = readRecommendations(tabs[TAB.recommendations], directory, structure, findings);
  return {
    inputs: { projects, structure, indicators, results, directory, settings, admins, recommendations },
    findings,
  };
}

export type {
  Indicator,
  IndicatorResult,
  PlanInputs,
  Project,
  Settings,
  StructureEntry,
  TabValues,
} from './inputModel';
export { indicatorValue, structureKey } from './inputModel';
