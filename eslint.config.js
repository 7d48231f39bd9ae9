import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Apps Script's services and Node's globals: only the adapters (src/gas, src/cli) and main.ts touch them. */
const SERVICES = [
  'SpreadsheetApp',
  'Session',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'CacheService',
  'ScriptApp',
  'UrlFetchApp',
  'DriveApp',
  'GmailApp',
  'MailApp',
  'Utilities',
  'Logger',
  'Browser',
  'ContentService',
  'process',
  'Buffer',
  'require',
  '__dirname',
].map((name) => ({ name, message: 'The domain and the pages are pure: the adapters hand them plain values.' }));
/** Modules only an adapter may use: Node's, the file and browser libraries, the chart renderers. */
const NOT_PURE = '^(node:|fs$|path$|os$|child_process$|exceljs$|playwright-core$|@resvg/|vega)';

/**
 * The domain, grouped by the stage of the yearly cycle, and what each stage may import: the
 * stages below it. core holds the cells, tabs, tables and scales every stage reads; the committee's
 * 提言 are an input of the requests; report and panel stand on top.
 */
const DOMAIN_STAGES = {
  core: [],
  committee: ['core'],
  inputs: ['core', 'committee'],
  requests: ['core', 'committee', 'inputs'],
  answers: ['core', 'committee', 'inputs', 'requests'],
  summary: ['core', 'committee', 'inputs'],
  report: ['core', 'committee', 'inputs', 'summary'],
  panel: ['core', 'inputs', 'requests'],
};

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'demo/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Japanese text uses the full-width space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules over the product's code: promises awaited, no any leaking through.
    files: ['src/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Readable in one screen, and in one line: longer messages are split at sentence ends.
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
      'max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
  // The layers: the domain knows no action or adapter; within it, each stage of the yearly cycle
  // imports only the stages below it (DOMAIN_STAGES).
  ...Object.entries(DOMAIN_STAGES).map(([stage, below]) => ({
    files: [`src/domain/${stage}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/actions/*', '**/gas/*', '**/cli/*', '**/pages/*', '**/main', '**/port'],
              message: 'The domain imports only the domain.',
            },
            { regex: NOT_PURE, message: 'The domain runs anywhere: no Node module, file library or browser.' },
            {
              regex: `^\\.\\./(?!(${below.join('|') || '$^'})/)`,
              message: `domain/${stage} imports only ${below.length ? below.map((b) => `domain/${b}`).join(', ') : 'itself'}: the stages' direction is in eslint.config.js (DOMAIN_STAGES).`,
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...SERVICES],
    },
  })),
  {
    // Every sentence the tool says lives in a message module (*Messages.ts), once: tabs, actions,
    // alerts and the command line call it by name, and a finding's sentence carries its code
    // (findings.ts, coded). A page (src/pages) is a document: its prose is its template.
    files: ['src/**/*.ts'],
    ignores: ['**/*Messages.ts', '**/*.test.ts', 'src/pages/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal[value=/。/]', 'TemplateElement[value.raw=/。/]'].map((selector) => ({
          selector,
          message: 'A sentence for the user: write it in the message module of this area (*Messages.ts).',
        })),
      ],
    },
  },
  {
    // Nothing lives loose in src/domain: every file belongs to a stage.
    files: ['src/domain/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'Put this file in a stage folder of src/domain (DOMAIN_STAGES).' },
      ],
    },
  },
  {
    // Pages (HTML, CSS, SVG) lay out what the domain worked out: no action, adapter or workbook.
    files: ['src/pages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/actions/*', '**/gas/*', '**/cli/*', '**/main', '**/port'],
              message: 'Pages import the domain only.',
            },
            { regex: NOT_PURE, message: 'A page is text made from values: no Node module or library.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...SERVICES],
    },
  },
  {
    // An action imports no other action: what several share lives in actions/shared/.
    files: ['src/actions/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../gas/*', '../cli/*', '../main'], message: 'Actions use the port, not an adapter.' },
            {
              regex: '^\\./(?!shared/)',
              message: 'An action imports no other action: move what both need to actions/shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/actions/shared/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../gas/*', '../../cli/*', '../../main'], message: 'Actions use the port, not an adapter.' },
            { regex: '^\\.\\./(?!\\.\\./)', message: 'Shared helpers import no action.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '.ci/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
