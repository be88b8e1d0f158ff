import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { say } from '../../src/domain/approval-email';
import { longDay } from '../../src/domain/email-dates';
import { languagesOf } from '../../src/domain/messages/catalogue';
import { allSamples, sampleFacts, sampleName } from '../support/email-samples';
import { axeViolations, launchBrowser } from './browser';

jest.setTimeout(120_000);

/** Screenshots land here for a person to look at; the folder is not checked in. */
const shots = path.resolve(__dirname, '../../.jest-cache/email-screenshots');

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

/** The email as a phone's mail app shows it: the HTML body in a page with nothing around it. */
async function show(html: string, subject: string): Promise<void> {
  const title = subject.replace(/[<&]/g, ' ');
  await page.setContent(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body style="margin:8px">${html}</body></html>`,
  );
}

/** The bottom edge, in CSS pixels from the top, of the first element whose text contains `text`. */
function bottomOf(text: string): Promise<number | null> {
  return page.evaluate((wanted) => {
    const all = [...document.querySelectorAll('h1, p')];
    const found = all.find((e) => (e.textContent ?? '').replace(/\s+/g, ' ').includes(wanted));
    return found ? found.getBoundingClientRect().bottom + window.scrollY : null;
  }, text);
}

describe('every approval email at 375 px in Chromium', () => {
  const withAsk = allSamples.filter((s) => s.kind !== 'receipt');

  it.each(withAsk.map((s) => [sampleName(s.kind, s.readership), s] as const))(
    '%s shows the ask, the due date and how to reply in the first 600 px, with no axe violation',
    async (name, sample) => {
      await show(sample.email.html, sample.email.subject);
      const facts = sampleFacts(sample.readership);
      for (const language of languagesOf(sample.readership)) {
        const ask = say(language, 'request.ask', { workflow: facts.workflow.name });
        const due = longDay(facts.due, language);
        const how = say(language, 'reply.how');
        for (const text of [ask, due, how]) {
          const bottom = await bottomOf(text);
          expect({ name, text, inFirstScreen: bottom !== null && bottom <= 600 }).toEqual({
            name,
            text,
            inFirstScreen: true,
          });
        }
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(await axeViolations(page.mainFrame())).toEqual([]);
      await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
    },
  );

  it.each(
    allSamples.filter((s) => s.kind === 'receipt').map((s) => [sampleName(s.kind, s.readership), s] as const),
  )(
    '%s shows what was recorded and how to correct it in the first 600 px, with no axe violation',
    async (name, sample) => {
      await show(sample.email.html, sample.email.subject);
      for (const language of languagesOf(sample.readership)) {
        const bottom = await bottomOf(say(language, 'receipt.correctApproval'));
        expect({ name, language, bottom: bottom !== null && bottom <= 600 }).toEqual({
          name,
          language,
          bottom: true,
        });
      }
      expect(await axeViolations(page.mainFrame())).toEqual([]);
      await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
    },
  );
});
