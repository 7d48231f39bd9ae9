/**
 * HTML written safely: every value put into a page goes through `html`, which escapes it, so a
 * department's text (「<script>」, 「"」, 「&」) shows as typed and never runs.
 */

/** Markup already escaped (made by `html` or `raw`): inserted as it is. */
export interface SafeHtml {
  readonly safeHtml: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The one escape of the pages: text and attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const isSafe = (v: unknown): v is SafeHtml => typeof v === 'object' && v !== null && 'safeHtml' in v;

function piece(v: unknown): string {
  if (v === undefined || v === null || v === false) return '';
  if (isSafe(v)) return v.safeHtml;
  if (Array.isArray(v)) return v.map(piece).join('');
  return escapeHtml(typeof v === 'string' ? v : JSON.stringify(v));
}

/** A template whose values are escaped (arrays joined, SafeHtml kept): html`<td>${name}</td>`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, i) => (out += piece(v) + strings[i + 1]));
  return { safeHtml: out };
}

/** Markup the code itself wrote (a style sheet, a script): never a user's text. */
export const raw = (markup: string): SafeHtml => ({ safeHtml: markup });

/** Text with its line breaks kept on the page. */
export function lines(text: string): SafeHtml {
  return raw(text.split(/\r?\n/).map(escapeHtml).join('<br>'));
}
