import { describe, expect, it } from '@jest/globals';
import { checkBundle } from './bundle-check';

const expectations = { entryPoints: ['onOpen', 'openPlanner'], manifest: {} };

const menu = `
function onOpen() {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open planner', 'openPlanner').addToUi();
}`;

describe('the bundle check', () => {
  it('passes a classic script whose entry points are top-level functions', () => {
    expect(checkBundle(`${menu}\nfunction openPlanner() {}`, expectations).problems).toEqual([]);
  });

  it('catches a missing entry point', () => {
    const problems = checkBundle(menu, expectations).problems;
    expect(problems).toContain('Entry point openPlanner is not a top-level function in Code.js.');
    expect(problems.join('\n')).toMatch(
      /onOpen in AuthMode\.NONE failed: .*Script function not found: openPlanner/,
    );
  });

  it('catches an entry point hidden inside a closure', () => {
    const code = `${menu}\n(function () { globalThis.openPlanner = function () {}; })();`;
    expect(checkBundle(code, expectations).problems).toContain(
      'Entry point openPlanner is not a top-level function in Code.js.',
    );
  });

  it('catches a Node global in server code, without and with running it', () => {
    const code = `${menu}\nfunction openPlanner() { return process.env.HOME; }\nvar started = setTimeout;`;
    const problems = checkBundle(code, expectations).problems;
    expect(problems).toContain('Code.js refers to process, which does not exist in Apps Script.');
    expect(problems).toContain('Code.js refers to setTimeout, which does not exist in Apps Script.');
    expect(problems).toContain('Loading Code.js failed: ReferenceError: setTimeout is not defined');
    expect(problems).toContain('Code.js touched setTimeout while running; Apps Script has no setTimeout.');
  });

  it('ignores the same names used as properties or declared locally', () => {
    const code = `${menu}\nfunction openPlanner(process) { var o = { URL: 1 }; return o.URL + process; }`;
    expect(checkBundle(code, expectations).problems).toEqual([]);
  });

  it('catches ES module syntax', () => {
    const problems = checkBundle(`export function onOpen() {}`, expectations).problems;
    expect(problems[0]).toMatch(/^Code\.js is not a classic script Apps Script can load/);
  });

  it('catches a manifest function that does not exist', () => {
    const manifest = { addOns: { common: { homepageTrigger: { runFunction: 'onHomepage' } } } };
    const code = `${menu}\nfunction openPlanner() {}`;
    expect(checkBundle(code, { ...expectations, manifest }).problems).toContain(
      'The manifest names onHomepage, which is not a top-level function.',
    );
  });
});
