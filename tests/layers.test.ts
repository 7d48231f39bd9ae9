/**
 * The layers are rules, not a convention: ESLint (the project's own config) refuses each planted
 * violation — an Apps Script service or a Node module in the domain or a page, an action importing
 * another action, a shared helper importing an action — and accepts what the code does today.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The planted files exist nowhere, so the type-aware rules (which need the file in the project)
// are set aside; the layer rules are the project's own.
const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
});

/** The rules a text breaks when it stands at `file` (which need not exist). */
async function broken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the layers, enforced by lint', () => {
  it('keep Apps Script services and Node out of the domain and the pages', async () => {
    for (const file of ['src/domain/core/planted.ts', 'src/domain/report/planted.ts', 'src/pages/planted.ts']) {
      expect(await broken(file, 'export const f = () => SpreadsheetApp.flush();\n')).toEqual([
        expect.stringMatching(/^no-restricted-globals: .*SpreadsheetApp/),
      ]);
      expect(await broken(file, "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toEqual([
        expect.stringMatching(/^no-restricted-imports: /),
      ]);
      expect(await broken(file, "import ExcelJS from 'exceljs';\nexport const f = ExcelJS;\n")).toEqual([
        expect.stringMatching(/^no-restricted-imports: /),
      ]);
    }
    expect(
      await broken(
        'src/domain/summary/planted.ts',
        "import type { Workbook } from '../../port';\nexport type W = Workbook;\n",
      ),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-restricted-imports: .*domain imports only the domain/)]),
    );
  });

  it('let each stage of the domain import only the stages below it, and leave no file loose in src/domain', async () => {
    // core is read by every stage and reads none; the inputs do not know the summary.
    expect(
      await broken(
        'src/domain/core/planted.ts',
        "import { summarise } from '../summary/summary';\nexport const f = summarise;\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*domain\/core imports only itself/)]);
    expect(
      await broken(
        'src/domain/inputs/planted.ts',
        "import { kpiRow } from '../summary/kpiTrack';\nexport const f = kpiRow;\n",
      ),
    ).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*domain\/inputs imports only domain\/core, domain\/committee:/),
    ]);
    expect(
      await broken(
        'src/domain/requests/planted.ts',
        "import { mergeAll } from '../answers/merge';\nexport const f = mergeAll;\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*domain\/requests imports only/)]);
    // What the code does today passes: the report reads the summary, a stage reads its own files.
    expect(
      await broken(
        'src/domain/report/planted.ts',
        "import { summarise } from '../summary/summary';\nimport { TAB } from '../core/tabs';\nimport { buildReport } from './reportModel';\nexport const f = [summarise, TAB, buildReport];\n",
      ),
    ).toEqual([]);
    expect(await broken('src/domain/planted.ts', 'export const f = 1;\n')).toEqual([
      expect.stringMatching(/^no-restricted-syntax: Put this file in a stage folder/),
    ]);
  });

  it('let an action import no other action, only actions/shared', async () => {
    expect(
      await broken(
        'src/actions/planted.ts',
        "import { createRequests } from './createRequests';\nexport const f = createRequests;\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*imports no other action/)]);
    expect(
      await broken(
        'src/actions/shared/planted.ts',
        "import { setupSheets } from '../setupSheets';\nexport const f = setupSheets;\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*Shared helpers import no action/)]);
    expect(
      await broken(
        'src/actions/planted.ts',
        "import { replaceTab } from './shared/action';\nimport { tabReader } from './shared/requestTabs';\nimport { TAB } from '../domain/tabs';\nexport const f = [replaceTab, tabReader, TAB];\n",
      ),
    ).toEqual([]);
    expect(
      await broken(
        'src/actions/shared/planted.ts',
        "import { replaceTab } from './action';\nimport { TAB } from '../../domain/tabs';\nexport const f = [replaceTab, TAB];\n",
      ),
    ).toEqual([]);
  });

  it('keep every sentence a user reads in a message module, where a finding gets its code', async () => {
    const sentence = 'export const f = (tab: string) => `「${tab}」がありません。`;\n';
    for (const file of ['src/domain/inputs/planted.ts', 'src/actions/planted.ts', 'src/cli/planted.ts', 'src/main.ts'])
      expect(await broken(file, sentence)).toEqual([
        expect.stringMatching(/^no-restricted-syntax: A sentence for the user/),
      ]);
    expect(
      await broken('src/domain/summary/planted.ts', "export const f = () => '該当はありません。';\n"),
    ).toHaveLength(1);
    // The same text in a message module, or a label without a sentence, is what the code does.
    expect(await broken('src/domain/inputs/plantedMessages.ts', sentence)).toEqual([]);
    expect(await broken('src/domain/inputs/planted.ts', "export const label = '提言への対応';\n")).toEqual([]);
  });
});
