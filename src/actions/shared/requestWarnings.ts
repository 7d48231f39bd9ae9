import { warning } from '../../domain/core/findings';
import type { PlanInputs } from '../../domain/inputs/inputs';
import { TAB } from '../../domain/core/tabs';
import { say } from '../../domain/inputs/inputMessages';

/** Findings that only matter once requests go out: departments nobody can be named editor of. */
export function requestWarnings(inputs: PlanInputs) {
  const used = new Set(inputs.projects.flatMap((p) => p.departments));
  return inputs.directory.departments
    .filter((d) => used.has(d) && d.editors.length === 0)
    .map((d) => warning(TAB.departments, d.row, d.editorsCol, say.noEditorsYet(d.name)));
}
