import { escapeHtml, oneLine } from './email-text';
import type { Language, Readership } from './messages/catalogue';
import { replyMarkerFor } from './reply-marker';

/**
 * The shape every email to an approver shares, in plain text and HTML:
 * 1. the marker line, first of all our text, so a quoted reply is cut above everything we wrote;
 * 2. for each language the reader reads, the lead: what is asked, by when, and how to answer, so the
 *    first screen of a phone decides;
 * 3. the details, one block per language, in the same order;
 * 4. a footer naming the request.
 * Every value is escaped here for where it lands; callers pass plain text.
 */
export interface LeadLine {
  text: string;
  strong?: boolean;
}

export interface Lead {
  language: Language;
  /** A short line above the heading: why this email came (a reminder, a note). */
  intro?: string;
  /** The ask, as the email's heading; absent for short notes. */
  heading?: string;
  lines: readonly LeadLine[];
}

export interface Section {
  title: string;
  lines: readonly string[];
}

export interface Details {
  language: Language;
  /** Shown above the block when the email carries more than one language ("En español"). */
  label: string;
  paragraphs: readonly string[];
  sections: readonly Section[];
}

export interface EmailDoc {
  readership: Readership;
  /** False for an email nobody answers by replying (the requester's own notices). */
  marker?: false;
  subject: string;
  leads: readonly Lead[];
  details: readonly Details[];
  footer: readonly { language: Language; text: string }[];
}

export interface RenderedEmail {
  subject: string;
  plain: string;
  html: string;
}

/** Line breaks inside a value become spaces in a heading; paragraphs keep them. */
const tidy = (value: string) => value.replace(/\r\n?/g, '\n').trim();

function plainOf(doc: EmailDoc): string {
  const out: string[] = doc.marker === false ? [] : [replyMarkerFor(doc.readership), ''];
  for (const lead of doc.leads) {
    if (lead.intro) out.push(tidy(lead.intro));
    if (lead.heading) out.push(oneLine(lead.heading, 300));
    out.push(...lead.lines.map((l) => tidy(l.text)), '');
  }
  const several = doc.details.length > 1;
  for (const block of doc.details) {
    if (several) out.push(`— ${block.label} —`, '');
    for (const p of block.paragraphs) out.push(tidy(p), '');
    for (const section of block.sections) {
      out.push(section.title.toUpperCase(), ...section.lines.map(tidy), '');
    }
  }
  out.push(...doc.footer.map((f) => tidy(f.text)));
  return `${out.join('\n').trimEnd()}\n`;
}

const style = {
  body: 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#202124;max-width:640px;overflow-wrap:break-word;word-wrap:break-word',
  marker: 'margin:0 0 12px;font-size:13px;color:#5f6368',
  lead: 'margin:0 0 16px',
  heading: 'font-size:22px;line-height:1.3;margin:0 0 8px',
  p: 'margin:0 0 8px',
  section: 'font-size:17px;margin:20px 0 4px',
  label: 'margin:24px 0 0;padding-top:12px;border-top:1px solid #dadce0;font-size:14px;color:#5f6368',
  footer: 'margin:24px 0 0;font-size:13px;color:#5f6368',
} as const;

const paragraph = (text: string, css: string = style.p) =>
  `<p style="${css}">${escapeHtml(tidy(text)).replace(/\n/g, '<br>')}</p>`;

function htmlOf(doc: EmailDoc): string {
  const first = doc.leads[0]?.language ?? 'en';
  const parts: string[] = [
    `<div lang="${first}" style="${style.body}">`,
    ...(doc.marker === false ? [] : [paragraph(replyMarkerFor(doc.readership), style.marker)]),
  ];
  for (const lead of doc.leads) {
    parts.push(`<div lang="${lead.language}" style="${style.lead}">`);
    if (lead.intro) parts.push(paragraph(lead.intro));
    if (lead.heading)
      parts.push(`<h1 style="${style.heading}">${escapeHtml(oneLine(lead.heading, 300))}</h1>`);
    for (const line of lead.lines) {
      const text = escapeHtml(tidy(line.text)).replace(/\n/g, '<br>');
      parts.push(`<p style="${style.p}">${line.strong ? `<strong>${text}</strong>` : text}</p>`);
    }
    parts.push('</div>');
  }
  const several = doc.details.length > 1;
  for (const block of doc.details) {
    parts.push(`<div lang="${block.language}">`);
    if (several) parts.push(paragraph(block.label, style.label));
    for (const p of block.paragraphs) parts.push(paragraph(p));
    for (const section of block.sections) {
      parts.push(`<h2 style="${style.section}">${escapeHtml(section.title)}</h2>`);
      for (const line of section.lines) parts.push(paragraph(line));
    }
    parts.push('</div>');
  }
  for (const f of doc.footer)
    parts.push(`<p lang="${f.language}" style="${style.footer}">${escapeHtml(tidy(f.text))}</p>`);
  parts.push('</div>');
  return parts.join('\n');
}

export function renderEmail(doc: EmailDoc): RenderedEmail {
  return { subject: oneLine(doc.subject, 250), plain: plainOf(doc), html: htmlOf(doc) };
}

/** "Name (via AI Plan Workspace)": who sends, truthfully; nothing that could split the From header. */
export function senderName(name: string): string {
  const clean = oneLine(name, 80)
    .replace(/["<>()[\]\\,;:@]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean === '' ? 'AI Plan Workspace' : `${clean} (via AI Plan Workspace)`;
}
