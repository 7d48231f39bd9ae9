import { type Cell, norm } from './cells';

export interface Department {
  /** The name as written in 所管課; request tabs and 回答 use it. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly editors: readonly string[];
  /** Included where a 所管 says 関係各課. */
  readonly concerned: boolean;
  /** 1-based row in 所管課, and the column of 編集者 there (absent when the tab has none). */
  readonly row: number;
  readonly editorsCol?: number;
}

/** Words that stand for "every department concerned". */
const ALL_CONCERNED = new Set(['関係各課', '各課', '全課', '関係課', '関係各部課', '全庁']);

/** Characters that show nothing: a name pasted from a web page or a PDF may carry them. */
export const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Comparable form of a department name: NFKC, no spaces (NBSP and the full-width space
 * included), no invisible characters, one kind of bracket.
 */
export function departmentKey(name: string): string {
  return norm(name)
    .replace(INVISIBLE, '')
    .replace(/\s/g, '')
    .replace(/[「『【［[]/g, '(')
    .replace(/[」』】］\]]/g, ')');
}

export function splitList(v: Cell, separators = /[、,，\n]/): string[] {
  return String(v ?? '')
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export type Assignment =
  | { readonly kind: 'department'; readonly text: string; readonly department: Department }
  | { readonly kind: 'allConcerned'; readonly text: string }
  | { readonly kind: 'unknown'; readonly text: string; readonly suggestion?: string };

export class DepartmentDirectory {
  private readonly byKey = new Map<string, Department>();

  constructor(readonly departments: readonly Department[]) {
    for (const d of departments) {
      for (const n of [d.name, ...d.aliases]) {
        const k = departmentKey(n);
        if (!this.byKey.has(k)) this.byKey.set(k, d);
      }
    }
  }

  /** Names already resolved: 回答 repeats a few names over 100,000 rows. */
  private readonly resolved = new Map<string, Department | undefined>();

  resolve(text: string): Department | undefined {
    if (!this.resolved.has(text)) this.resolved.set(text, this.byKey.get(departmentKey(text)));
    return this.resolved.get(text);
  }

  concerned(): Department[] {
    return this.departments.filter((d) => d.concerned);
  }

  /** Reads one 所管 cell: several names separated by 、 , or a line break; 関係各課 for all concerned. */
  assignments(v: Cell): Assignment[] {
    return splitList(v).flatMap((text): Assignment[] => {
      // A department of that name comes first: a city may have a department called 全庁.
      const d = this.resolve(text);
      if (d) return [{ kind: 'department', text, department: d }];
      if (ALL_CONCERNED.has(departmentKey(text))) return [{ kind: 'allConcerned', text }];
      // ・ separates names too, but also stands inside names (子ども・子育て支援課): split only when every part is known.
      const parts = text.split('・').map((p) => p.trim());
      if (parts.length > 1 && parts.every((p) => this.resolve(p))) {
        return parts.map((p) => ({ kind: 'department', text: p, department: this.resolve(p)! }));
      }
      return [{ kind: 'unknown', text, suggestion: this.suggest(text) }];
    });
  }

  /** Departments a 所管 cell assigns, each once, in the order named. */
  departmentsOf(v: Cell): Department[] {
    const out: Department[] = [];
    for (const a of this.assignments(v)) {
      const list = a.kind === 'department' ? [a.department] : a.kind === 'allConcerned' ? this.concerned() : [];
      for (const d of list) if (!out.includes(d)) out.push(d);
    }
    return out;
  }

  /** The nearest known name or alias, when it is near enough to be a typo or an old name. */
  suggest(text: string): string | undefined {
    const key = departmentKey(text);
    let best: { name: string; distance: number; length: number } | undefined;
    for (const d of this.departments) {
      for (const n of [d.name, ...d.aliases]) {
        const k = departmentKey(n);
        const distance =
          k.includes(key) || key.includes(k) ? Math.abs(k.length - key.length) * 0.5 : editDistance(key, k);
        if (!best || distance < best.distance)
          best = {
            name: n === d.name ? d.name : `${n}（${d.name}）`,
            distance,
            length: Math.max([...k].length, [...key].length),
          };
      }
    }
    // Near enough: about one character in three differs (職員科 → 職員課, but not 道路課 → 職員課).
    return best && best.distance <= Math.max(1, Math.floor(best.length / 3)) ? best.name : undefined;
  }
}

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}
