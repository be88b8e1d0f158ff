import type { CellValue } from './state';

/**
 * A small formula evaluator, so that formula cells return computed values from `getValues` as they do
 * in Sheets (FAKES §11 rule 6). It covers references (A1, ranges, whole columns and rows, other
 * sheets), arithmetic, comparison, `&`, and the functions a plan workspace uses. An unknown function
 * gives `#NAME?` and a syntax error gives `#ERROR!`, as in Sheets; error values come back from
 * `getValues` as their text.
 */
export interface FormulaError {
  error: string;
}
type Scalar = CellValue | FormulaError;
type Grid = Scalar[][];
type Value = Scalar | Grid;

export interface ReferenceResolver {
  /** Values of a rectangular block; `sheetName` null means the formula's own sheet. */
  read(
    sheetName: string | null,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): Scalar[][];
  /** Grid size, for whole-column and whole-row references. */
  extent(sheetName: string | null): { rows: number; columns: number } | null;
  now(): Date;
}

const isError = (v: unknown): v is FormulaError => typeof v === 'object' && v !== null && 'error' in v;
const err = (code: string): FormulaError => ({ error: code });

export function evaluateFormula(formula: string, resolver: ReferenceResolver): CellValue {
  let result: Value;
  try {
    const parser = new Parser(formula.replace(/^=/, ''));
    const ast = parser.parseFormula();
    result = evaluate(ast, resolver);
  } catch (e) {
    result = e instanceof FormulaFailure ? e.value : err('#ERROR!');
  }
  const scalar = Array.isArray(result) ? (result[0]?.[0] ?? '') : result;
  return isError(scalar) ? scalar.error : scalar;
}

class FormulaFailure extends Error {
  constructor(readonly value: FormulaError) {
    super(value.error);
  }
}

type Node =
  | { kind: 'literal'; value: CellValue }
  | { kind: 'ref'; sheet: string | null; ref: string }
  | { kind: 'unary'; op: string; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseFormula(): Node {
    const node = this.comparison();
    this.skipSpace();
    if (this.pos < this.text.length) throw new Error('trailing input');
    return node;
  }

  private skipSpace(): void {
    while (this.text.charAt(this.pos) === ' ') this.pos += 1;
  }

  private peekOp(ops: string[]): string | null {
    this.skipSpace();
    for (const op of ops) if (this.text.startsWith(op, this.pos)) return op;
    return null;
  }

  private binaryLevel(ops: string[], next: () => Node): Node {
    let left = next();
    for (let op = this.peekOp(ops); op; op = this.peekOp(ops)) {
      this.pos += op.length;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  }

  private comparison(): Node {
    return this.binaryLevel(['<>', '<=', '>=', '=', '<', '>'], () => this.concat());
  }
  private concat(): Node {
    return this.binaryLevel(['&'], () => this.additive());
  }
  private additive(): Node {
    return this.binaryLevel(['+', '-'], () => this.multiplicative());
  }
  private multiplicative(): Node {
    return this.binaryLevel(['*', '/'], () => this.power());
  }
  private power(): Node {
    return this.binaryLevel(['^'], () => this.unary());
  }

  private unary(): Node {
    const op = this.peekOp(['-', '+']);
    if (op) {
      this.pos += 1;
      return { kind: 'unary', op, operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    this.skipSpace();
    const rest = this.text.slice(this.pos);
    if (rest.startsWith('(')) {
      this.pos += 1;
      const inner = this.comparison();
      this.expect(')');
      return inner;
    }
    if (rest.startsWith('"')) return { kind: 'literal', value: this.stringLiteral() };
    const number = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(rest);
    if (number && !/^\d+:\d/.test(rest)) {
      this.pos += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    let sheet: string | null = null;
    const quotedSheet = /^'((?:[^']|'')+)'!/.exec(rest);
    const bareSheet = quotedSheet ? null : /^([A-Za-z_][\w.]*)!/.exec(rest);
    if (quotedSheet) sheet = (quotedSheet[1] ?? '').replace(/''/g, "'");
    if (bareSheet) sheet = bareSheet[1] ?? null;
    const afterSheet = rest.slice((quotedSheet ?? bareSheet)?.[0].length ?? 0);
    const ref =
      /^(\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}(\$?\d+)?)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![\w(])/.exec(
        afterSheet,
      );
    if (ref && (sheet !== null || !/^(TRUE|FALSE)\b/i.test(afterSheet))) {
      this.pos += (quotedSheet ?? bareSheet)?.[0].length ?? 0;
      this.pos += ref[0].length;
      return { kind: 'ref', sheet, ref: ref[0].replace(/\$/g, '').toUpperCase() };
    }
    const name = /^[A-Za-z_][\w.]*/.exec(rest);
    if (name) {
      this.pos += name[0].length;
      this.skipSpace();
      if (this.text.charAt(this.pos) === '(') {
        this.pos += 1;
        const args: Node[] = [];
        this.skipSpace();
        if (this.text.charAt(this.pos) !== ')') {
          for (;;) {
            args.push(this.comparison());
            if (this.peekOp([','])) {
              this.pos += 1;
              continue;
            }
            break;
          }
        }
        this.expect(')');
        return { kind: 'call', name: name[0].toUpperCase(), args };
      }
      const upper = name[0].toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', value: upper === 'TRUE' };
      return { kind: 'call', name: `#NAME:${upper}`, args: [] };
    }
    throw new Error(`unexpected input at ${this.pos}`);
  }

  private stringLiteral(): string {
    let out = '';
    this.pos += 1;
    for (;;) {
      const ch = this.text.charAt(this.pos);
      if (ch === '') throw new Error('unterminated string');
      if (ch === '"') {
        if (this.text.charAt(this.pos + 1) === '"') {
          out += '"';
          this.pos += 2;
          continue;
        }
        this.pos += 1;
        return out;
      }
      out += ch;
      this.pos += 1;
    }
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.text.charAt(this.pos) !== ch) throw new Error(`expected ${ch}`);
    this.pos += 1;
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function resolveRef(node: { sheet: string | null; ref: string }, resolver: ReferenceResolver): Grid {
  const extent = resolver.extent(node.sheet);
  if (!extent) throw new FormulaFailure(err('#REF!'));
  const [start = '', end] = node.ref.split(':');
  const parse = (part: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(part);
    return { col: m?.[1] ? columnNumber(m[1]) : null, row: m?.[2] ? Number(m[2]) : null };
  };
  const a = parse(start);
  const b = end === undefined ? a : parse(end);
  const row1 = a.row ?? 1;
  const col1 = a.col ?? 1;
  const row2 = b.row ?? (a.row === null || end !== undefined ? extent.rows : row1);
  const col2 = b.col ?? (a.col === null ? extent.columns : col1);
  const top = Math.min(row1, row2);
  const left = Math.min(col1, col2);
  const bottom = Math.min(Math.max(row1, row2), extent.rows);
  const right = Math.min(Math.max(col1, col2), extent.columns);
  if (top > extent.rows || left > extent.columns) throw new FormulaFailure(err('#REF!'));
  return resolver.read(node.sheet, top, left, bottom - top + 1, right - left + 1);
}

function evaluate(node: Node, resolver: ReferenceResolver): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'ref':
      return resolveRef(node, resolver);
    case 'unary': {
      const n = toNumber(scalar(evaluate(node.operand, resolver)));
      return node.op === '-' ? -n : n;
    }
    case 'binary':
      return binary(node.op, scalar(evaluate(node.left, resolver)), scalar(evaluate(node.right, resolver)));
    case 'call':
      return call(node.name, node.args, resolver);
  }
}

function scalar(value: Value): Scalar {
  if (!Array.isArray(value)) {
    if (isError(value)) throw new FormulaFailure(value);
    return value;
  }
  if (value.length !== 1 || value[0]?.length !== 1) throw new FormulaFailure(err('#VALUE!'));
  return scalar(value[0][0] ?? '');
}

function toNumber(value: Scalar): number {
  if (isError(value)) throw new FormulaFailure(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime() / 86400000 + 25569;
  if (value.trim() === '') return 0;
  const n = Number(value);
  if (Number.isNaN(n)) throw new FormulaFailure(err('#VALUE!'));
  return n;
}

function toText(value: Scalar): string {
  if (isError(value)) throw new FormulaFailure(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function toBoolean(value: Scalar): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value) || value === '') return false;
    throw new FormulaFailure(err('#VALUE!'));
  }
  return toNumber(value) !== 0;
}

function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'boolean' ? 2 : typeof v === 'string' && v !== '' ? 1 : 0);
  const [ra, rb] = [rank(a), rank(b)];
  if (a === '' && b === '') return 0;
  if (ra !== rb && !(a === '' || b === '')) return ra - rb;
  if (ra === 1 || rb === 1) return toText(a).toLowerCase().localeCompare(toText(b).toLowerCase());
  return toNumber(a) - toNumber(b);
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  switch (op) {
    case '+':
      return toNumber(a) + toNumber(b);
    case '-':
      return toNumber(a) - toNumber(b);
    case '*':
      return toNumber(a) * toNumber(b);
    case '/': {
      const divisor = toNumber(b);
      if (divisor === 0) throw new FormulaFailure(err('#DIV/0!'));
      return toNumber(a) / divisor;
    }
    case '^':
      return toNumber(a) ** toNumber(b);
    case '&':
      return toText(a) + toText(b);
    case '=':
      return compare(a, b) === 0;
    case '<>':
      return compare(a, b) !== 0;
    case '<':
      return compare(a, b) < 0;
    case '>':
      return compare(a, b) > 0;
    case '<=':
      return compare(a, b) <= 0;
    default:
      return compare(a, b) >= 0;
  }
}

function flatten(values: Value[]): Scalar[] {
  return values.flatMap((v) => (Array.isArray(v) ? v.flat() : [v]));
}

function numbersIn(values: Value[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    if (Array.isArray(v)) {
      for (const cell of v.flat()) {
        if (isError(cell)) throw new FormulaFailure(cell);
        if (typeof cell === 'number') out.push(cell);
      }
    } else {
      out.push(toNumber(v));
    }
  }
  return out;
}

/** COUNTIF-style criteria: "x", "=x", "<>x", ">5", with * and ? wildcards for text. */
function matcher(criterion: Scalar): (v: Scalar) => boolean {
  if (typeof criterion !== 'string') return (v) => !isError(v) && compare(v, criterion) === 0 && v !== '';
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/s.exec(criterion);
  const op = m?.[1] ?? '=';
  const operand = m?.[2] ?? '';
  const numeric = operand.trim() !== '' && !Number.isNaN(Number(operand));
  if (op === '=' || op === '<>') {
    let test: (v: Scalar) => boolean;
    if (numeric) test = (v) => typeof v === 'number' && v === Number(operand);
    else if (operand === '') test = (v) => v === '';
    else {
      const pattern = new RegExp(
        `^${operand
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'is',
      );
      // Wildcards match text only: an empty cell is not "*".
      test = (v) => typeof v === 'string' && v !== '' && pattern.test(v);
    }
    return op === '=' ? test : (v) => !test(v);
  }
  return (v) => {
    if (isError(v) || v === '') return false;
    if (numeric && typeof v !== 'number') return false;
    const c = compare(v, numeric ? Number(operand) : operand);
    return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  };
}

function grid(value: Value): Grid {
  return Array.isArray(value) ? value : [[value]];
}

function median(numbers: number[]): Scalar {
  if (numbers.length === 0) return err('#NUM!');
  const sorted = [...numbers].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function call(name: string, args: Node[], resolver: ReferenceResolver): Value {
  const values = () => args.map((a) => evaluate(a, resolver));
  const arg = (i: number) => evaluate(args[i] ?? { kind: 'literal', value: '' }, resolver);
  switch (name) {
    case 'SUM':
      return numbersIn(values()).reduce((s, n) => s + n, 0);
    case 'COUNT':
      return flatten(values()).filter((v) => typeof v === 'number').length;
    case 'COUNTA':
      return flatten(values()).filter((v) => v !== '').length;
    case 'COUNTBLANK':
      return flatten(values()).filter((v) => v === '').length;
    case 'COUNTIF': {
      const test = matcher(scalar(arg(1)));
      return flatten([arg(0)]).filter(test).length;
    }
    case 'COUNTIFS': {
      const pairs: [Scalar[], (v: Scalar) => boolean][] = [];
      for (let i = 0; i + 1 < args.length; i += 2)
        pairs.push([flatten([arg(i)]), matcher(scalar(arg(i + 1)))]);
      const length = pairs[0]?.[0].length ?? 0;
      if (pairs.some(([cells]) => cells.length !== length)) return err('#VALUE!');
      let count = 0;
      for (let k = 0; k < length; k += 1)
        if (pairs.every(([cells, test]) => test(cells[k] ?? ''))) count += 1;
      return count;
    }
    case 'SUMIF': {
      const test = matcher(scalar(arg(1)));
      const criteriaCells = flatten([arg(0)]);
      const sumCells = args.length > 2 ? flatten([arg(2)]) : criteriaCells;
      return criteriaCells.reduce<number>((s, v, k) => {
        const n = sumCells[k];
        return test(v) && typeof n === 'number' ? s + n : s;
      }, 0);
    }
    case 'AVERAGE': {
      const ns = numbersIn(values());
      return ns.length ? ns.reduce((s, n) => s + n, 0) / ns.length : err('#DIV/0!');
    }
    case 'MEDIAN':
      return median(numbersIn(values()));
    case 'MIN': {
      const ns = numbersIn(values());
      return ns.length ? Math.min(...ns) : 0;
    }
    case 'MAX': {
      const ns = numbersIn(values());
      return ns.length ? Math.max(...ns) : 0;
    }
    case 'ROUND': {
      const digits = args.length > 1 ? toNumber(scalar(arg(1))) : 0;
      const factor = 10 ** digits;
      return Math.round(toNumber(scalar(arg(0))) * factor) / factor;
    }
    case 'ABS':
      return Math.abs(toNumber(scalar(arg(0))));
    case 'IF': {
      const condition = toBoolean(scalar(arg(0)));
      if (condition) return args.length > 1 ? arg(1) : true;
      return args.length > 2 ? arg(2) : false;
    }
    case 'IFERROR':
    case 'IFNA':
      try {
        const v = arg(0);
        if (!Array.isArray(v) && isError(v) && (name === 'IFERROR' || v.error === '#N/A')) return arg(1);
        return v;
      } catch (e) {
        if (e instanceof FormulaFailure && (name === 'IFERROR' || e.value.error === '#N/A')) return arg(1);
        throw e;
      }
    case 'AND':
      return flatten(values()).every((v) => toBoolean(v));
    case 'OR':
      return flatten(values()).some((v) => toBoolean(v));
    case 'NOT':
      return !toBoolean(scalar(arg(0)));
    case 'ISBLANK':
      return scalar(arg(0)) === '';
    case 'LEN':
      return toText(scalar(arg(0))).length;
    case 'CONCATENATE':
      return flatten(values()).map(toText).join('');
    case 'INDEX': {
      const g = grid(arg(0));
      const r = toNumber(scalar(arg(1)));
      const c = args.length > 2 ? toNumber(scalar(arg(2))) : 1;
      const row = g[(g.length === 1 && args.length === 2 ? 1 : r) - 1];
      const cell = g.length === 1 && args.length === 2 ? g[0]?.[r - 1] : row?.[c - 1];
      return cell === undefined ? err('#REF!') : cell;
    }
    case 'MATCH': {
      const needle = scalar(arg(0));
      const haystack = flatten([arg(1)]);
      const mode = args.length > 2 ? toNumber(scalar(arg(2))) : 1;
      if (mode === 0) {
        const test = matcher(typeof needle === 'string' ? `=${needle}` : needle);
        const at = haystack.findIndex((v) =>
          typeof needle === 'string' ? test(v) : !isError(v) && compare(v, needle) === 0,
        );
        return at < 0 ? err('#N/A') : at + 1;
      }
      let found = -1;
      haystack.forEach((v, k) => {
        if (v !== '' && !isError(v) && (mode > 0 ? compare(v, needle) <= 0 : compare(v, needle) >= 0))
          found = k;
      });
      return found < 0 ? err('#N/A') : found + 1;
    }
    case 'TODAY': {
      const now = resolver.now();
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    }
    case 'NOW':
      return resolver.now();
    default:
      return err('#NAME?');
  }
}
