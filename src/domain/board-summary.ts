import { humanDateTime } from './human-date';
import {
  approvedOn,
  cueOf,
  enough,
  measured,
  safetyCounts,
  stageOf,
  versionNumber,
  type LeaderParts,
  type VersionBook,
} from './leader-parts';
import {
  dayText,
  decisionName,
  metricName,
  num,
  pilotN,
  say,
  shortened,
  targetLine,
  tierName,
  windowN,
  type Voice,
} from './leader-text';
import { languagesOf, type Readership } from './messages/catalogue';
import { MIN_PERIODS } from './metric-evidence';

/**
 * The Board summary sheet: one printed page (Letter or A4, fit to width) that a board member reads
 * without the add-on. Status and decision first, then what improved with counts and n, each target,
 * the safeguards, risks and incidents, and what happens next; in each language the workspace uses,
 * side by side. A longer list is summarised ("3 more measures are on the Dashboard"), never cut off.
 */
export interface BoardContext {
  readership: Readership;
  locale: string;
  /** "yyyy-mm-dd hh:mm" in the spreadsheet's time zone. */
  now: string;
  versions: VersionBook;
}

export interface BoardSummary {
  /** Column widths in pixels: the label, then one text column per language. */
  widths: number[];
  /** BOARD_ROWS rows of `widths.length` cells. */
  rows: string[][];
  /** Rows shown in bold (section titles). */
  headings: number[];
  /** Each section's first sentence in the first language, for the Dashboard's top rows. */
  first: Record<SectionKey, string>;
}

type SectionKey = 'status' | 'decision' | 'plan' | 'improved' | 'risks' | 'next';

/** The sheet always gets this many rows, so a shorter summary overwrites a longer one. */
export const BOARD_ROWS = 36;
const LABEL_WIDTH = 150;
/** One language: 700 px in all; two: 150 + 2 × 290 = 730 px, still one page wide when fit to width. */
const TEXT_WIDTH: Record<number, number> = { 1: 550, 2: 290 };
/**
 * How much fits: at most `targets` targets, one line each (the rest are counted), and people's own
 * words (review rule, decision's evidence) shortened to `typed` characters. Tried in order until the
 * page fits, so a longer summary is summarised, never cut off.
 */
type Limits = { targets: number; typed: number };
const LIMITS: readonly Limits[] = [
  { targets: 4, typed: 160 },
  { targets: 3, typed: 110 },
  { targets: 2, typed: 80 },
  { targets: 1, typed: 60 },
];

type Section = { key: SectionKey | 'targets' | 'safeguards'; lines: ((v: Voice) => string)[] };

export function boardSummary(parts: LeaderParts, ctx: BoardContext): BoardSummary {
  let summary = layOut(parts, ctx, LIMITS[0] as Limits);
  for (const limits of LIMITS.slice(1)) {
    if (fitsOnePage(summary, 'Letter') && fitsOnePage(summary, 'A4')) break;
    summary = layOut(parts, ctx, limits);
  }
  return summary;
}

function layOut(parts: LeaderParts, ctx: BoardContext, limits: Limits): BoardSummary {
  const languages = languagesOf(ctx.readership);
  const voices = languages.map((language): Voice => ({ language, locale: ctx.locale }));
  const width = TEXT_WIDTH[voices.length] ?? 290;
  const rows: string[][] = [];
  const headings: number[] = [];
  const line = (cells: string[]) => rows.push(cells);
  const both = (f: (v: Voice) => string) => voices.map(f);
  const labelOf = (f: (v: Voice) => string) => both(f).join(' / ');

  // The title overflows into the empty cells beside it.
  line([both((v) => say(v, 'title')).join(' / ')]);
  headings.push(rows.length);
  line(['', ...both((v) => say(v, 'asOf', { date: humanDateTime(ctx.now, v.language, v.locale) }))]);
  line([]);
  const first = {} as Record<SectionKey, string>;
  for (const section of sections(parts, ctx, limits)) {
    if (section.key !== 'targets' && section.key !== 'safeguards')
      first[section.key] = section.lines[0]?.(voices[0] as Voice) ?? '';
    section.lines.forEach((text, i) => {
      line([i === 0 ? labelOf((v) => say(v, section.key)) : '', ...both(text)]);
      if (i === 0) headings.push(rows.length);
    });
    line([]);
  }
  line(['', ...both((v) => say(v, 'printHint'))]);

  const columns = 1 + voices.length;
  const grid = Array.from({ length: BOARD_ROWS }, (_, i) =>
    Array.from({ length: columns }, (_, c) => rows[i]?.[c] ?? ''),
  );
  return { widths: [LABEL_WIDTH, ...voices.map(() => width)], rows: grid, headings, first };
}

function sections(parts: LeaderParts, ctx: BoardContext, limits: Limits): Section[] {
  // Before set-up the summary reads as a workspace with nothing in it yet.
  const found = stageOf(parts);
  const stage = found === 'not-set-up' ? 'empty' : found;
  const selected = parts.workflows?.selected ?? null;
  const workflow = selected?.name ?? '';
  const pilot = parts.pilot;
  const governance = parts.governance;
  const approvers = (parts.approvals?.steps ?? []).flatMap((s) => s.approvers).filter((a) => a.requested);
  const approved = approvers.filter((a) => a.status === 'Approved');
  const version = versionNumber(ctx.versions, parts);
  const approvedDay = approvedOn(parts);
  const figures = measured(parts);
  const judged = figures.filter((m) => enough(m) && m.targetMet !== null);
  const pilotStarted = stage === 'running' || stage === 'paused' || stage === 'ended' || stage === 'decided';

  const status = (v: Voice): string => {
    switch (stage) {
      case 'empty':
        return say(v, 'stage.empty');
      case 'choosing':
        return say(v, 'stage.choosing', { count: parts.workflows?.candidates ?? 0 });
      case 'ready':
        return say(v, 'stage.ready', { workflow, total: governance?.gating ?? 0 });
      case 'selected':
        if (governance?.ready) return say(v, 'stage.planning', { workflow });
        return say(v, 'stage.selected', {
          workflow,
          done: governance?.complete ?? 0,
          total: governance?.gating ?? 0,
        });
      case 'approvals':
        return say(v, 'stage.approvals', {
          workflow,
          approved: approved.length,
          requested: approvers.length,
        });
      case 'approved':
        return say(v, 'stage.approved', { workflow });
      case 'running':
        return say(v, 'stage.running', {
          workflow,
          start: dayText(v, pilot?.pilotStart ?? ''),
          end: dayText(v, pilot?.pilotEnd ?? ''),
        });
      default:
        return say(v, `stage.${stage}`, { workflow });
    }
  };

  const decision = (v: Voice) =>
    pilot?.decision
      ? say(v, 'decisionMade', {
          decision: decisionName(v, pilot.decision),
          rationale: shortened(pilot.rationale, limits.typed),
        }).trim()
      : say(v, 'decisionNone');

  const plan = (v: Voice) => {
    if (!selected) return say(v, 'planNone');
    if (version === null) return say(v, 'planDraft');
    if (!version.sent) return say(v, 'planNotSent', { version: version.number });
    return approvedDay
      ? say(v, 'planApproved', { version: version.number, date: dayText(v, approvedDay) })
      : say(v, 'planPending', { version: version.number });
  };

  const improved = (v: Voice) => {
    if (!pilotStarted || figures.length === 0) return say(v, 'improvedBefore');
    const better = figures
      .filter((m) => cueOf(m) === 'better' && m.change !== null)
      .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0))[0];
    const met =
      judged.length > 0
        ? ` ${say(v, 'targetsMet', { met: judged.filter((m) => m.targetMet).length, judged: judged.length })}`
        : '';
    if (!better) {
      const withData = figures.filter(enough).length;
      return withData === 0
        ? say(v, 'improvedNotEnough', { min: MIN_PERIODS })
        : `${say(v, 'improvedNone', { count: withData })}${met}`;
    }
    const params = {
      metric: metricName(v, better.name),
      baseline: num(v, better.baseline ?? 0),
      pilot: num(v, better.pilot ?? 0),
      n: pilotN(v, better),
    };
    const fell = (better.pilot ?? 0) < (better.baseline ?? 0);
    return `${say(v, fell ? 'improvedFell' : 'improvedRose', params)}${met}`;
  };

  const shown = figures.slice(0, limits.targets);
  const targets: ((v: Voice) => string)[] =
    shown.length === 0
      ? [(v) => say(v, 'targetsNone')]
      : [
          ...shown.map((m) => (v: Voice) => targetLine(v, m)),
          ...(figures.length > shown.length
            ? [(v: Voice) => say(v, 'targetsMore', { count: figures.length - shown.length })]
            : []),
        ];

  const data = (v: Voice) =>
    selected?.dataTier
      ? say(v, 'dataTier', {
          tier: tierName(v, selected.dataTier),
          rule: pilot?.dataRule ? shortened(pilot.dataRule, limits.typed) : say(v, 'dataRuleNone'),
        })
      : say(v, 'dataTierNone');
  const review = (v: Voice) =>
    pilot?.reviewRule
      ? say(v, 'review', { rule: shortened(pilot.reviewRule, limits.typed) })
      : say(v, 'reviewNone');
  const approvals = (v: Voice) => {
    if (parts.approvals?.state === 'stopped') return say(v, 'approvalsStopped');
    if (approvedDay) {
      const roles = [...new Set(approved.map((a) => a.role))];
      const listed =
        roles.length > 3
          ? say(v, 'andMore', { roles: roles.slice(0, 3).join(', '), count: roles.length - 3 })
          : roles.join(', ');
      return say(v, 'approvedBy', { roles: listed, date: dayText(v, approvedDay) });
    }
    return approvers.length === 0
      ? say(v, 'approvalsNone')
      : say(v, 'approvalsSoFar', { approved: approved.length, requested: approvers.length });
  };
  const families = (v: Voice) => {
    if (pilot?.communication)
      return say(v, 'families', { how: shortened(pilot.communication, limits.typed) });
    return selected?.familyFacing ? say(v, 'familiesMissing') : say(v, 'familiesNotNeeded');
  };

  const risks: ((v: Voice) => string)[] = [];
  if (!pilotStarted) risks.push((v) => say(v, 'risksBefore'));
  else {
    const { incidents, escaped, errorPeriods, errorMeasured } = safetyCounts(parts);
    risks.push((v) => say(v, 'risksIncidents', { incidents: num(v, incidents) }));
    if (errorMeasured && errorPeriods === 0) risks.push((v) => say(v, 'risksErrorsNotMeasured'));
    else if (errorMeasured)
      risks.push((v) =>
        say(v, 'risksErrors', { escaped: num(v, escaped), n: windowN(v, null, errorPeriods) }),
      );
  }
  if (stage === 'paused') risks.push((v) => say(v, 'risksPaused'));
  const open = governance ? governance.gating - governance.complete : 0;
  if (selected && open > 0) risks.push((v) => say(v, 'risksOpen', { open }));

  const next = (v: Voice) => {
    if (stage === 'decided') return say(v, `next.${pilot?.decision ?? 'Stop'}` as 'next.Stop');
    if (stage === 'running') return say(v, 'next.running', { end: dayText(v, pilot?.pilotEnd ?? '') });
    return say(v, `next.${stage}`);
  };

  return [
    { key: 'status', lines: [status] },
    { key: 'decision', lines: [decision] },
    { key: 'plan', lines: [plan] },
    { key: 'improved', lines: [improved] },
    { key: 'targets', lines: targets },
    { key: 'safeguards', lines: [data, review, approvals, families] },
    { key: 'risks', lines: risks },
    { key: 'next', lines: [next] },
  ];
}

/** Printable area in CSS pixels (96 per inch) with Sheets' normal margins (0.75 in). */
export const PAGES = {
  Letter: { width: (8.5 - 1.5) * 96, height: (11 - 1.5) * 96 },
  A4: { width: (8.27 - 1.5) * 96, height: (11.69 - 1.5) * 96 },
} as const;

/** Sheets' default row (21 px at Arial 10) and each further wrapped line; a wide average character. */
const ROW_PX = 21;
const LINE_PX = 16;
const CHAR_PX = 7;

/** The summary's height in pixels as Sheets lays it out with wrapping, by column width. */
export function summaryHeight(summary: BoardSummary): number {
  // Sheets prints down to the last row with content.
  const last = summary.rows.reduce((end, row, i) => (row.some((c) => c !== '') ? i + 1 : end), 0);
  return summary.rows.slice(0, last).reduce((total, row) => {
    const lines = Math.max(
      1,
      ...row.map((cell, c) => {
        if (cell === '') return 1;
        // The title and the date line overflow into the empty cells beside them; others wrap.
        const width = c === 0 && row.slice(1).every((x) => x === '') ? 700 : (summary.widths[c] ?? 300);
        return Math.ceil((cell.length * CHAR_PX) / (width - 6));
      }),
    );
    return total + ROW_PX + (lines - 1) * LINE_PX;
  }, 0);
}

/** Whether the summary prints on one page of `page` when scaled to fit the page's width. */
export function fitsOnePage(summary: BoardSummary, page: keyof typeof PAGES): boolean {
  const width = summary.widths.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, PAGES[page].width / width);
  return summaryHeight(summary) * scale <= PAGES[page].height;
}
