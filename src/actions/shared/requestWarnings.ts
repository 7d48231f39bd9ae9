import { warning } from '../../domain/core/findings';
import type { PlanInputs } from '../../domain/inputs/inputs';
import { TAB } from '../../domain/core/tabs';

/** Findings that only matter once requests go out: departments nobody can be named editor of. */
export function requestWarnings(inputs: PlanInputs) {
  const used = new Set(inputs.projects.flatMap((p) => p.departments));
  return inputs.directory.departments
    .filter((d) => used.has(d) && d.editors.length === 0)
    .map((d) =>
      warning(
        TAB.departments,
        d.row,
        d.editorsCol,
        `「${d.name}」に編集者がいません。調査シートは誰でも編集できる（警告のみの）保護になります。「編集者」列にこの課の担当者のメールアドレスを入力してください。`,
      ),
    );
}
