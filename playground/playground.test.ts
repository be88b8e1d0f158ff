import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Playground } from './playground';
import { readyWorkspace } from '../test/support/approvals';
import { decodeState, encodeState } from './state-file';
import { newWorldState } from '../test/fakes/environment';

const distDir = path.resolve(__dirname, '../dist');

describe('the playground', () => {
  it('keeps the workspace across restarts, and starts over on reset', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-'));
    try {
      const stateFile = path.join(dir, 'state.json');
      const first = new Playground({ distDir, stateFile, log: () => undefined });
      expect(first.run('setUpWorkspace', []).ok).toBe(true);

      const second = new Playground({ distDir, stateFile, log: () => undefined });
      expect(second.view().sheets.map((s) => s.name)).toContain('Workflows');
      expect(second.view().menu.length).toBeGreaterThan(0);

      second.reset();
      const third = new Playground({ distDir, stateFile, log: () => undefined });
      expect(third.view().sheets.map((s) => s.name)).toEqual(['Sheet1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses functions that are not top-level, or private, as Apps Script does', () => {
    const playground = new Playground({ distDir, stateFile: null, log: () => undefined });
    expect(playground.run('noSuchFunction', [])).toEqual({
      ok: false,
      message: 'Script function not found: noSuchFunction',
      sidebarOpened: false,
    });
    expect(playground.run('buildMenu_', []).ok).toBe(false);
  });

  it('tells the page when a call opened the sidebar, and serves what the server code showed', () => {
    const playground = new Playground({ distDir, stateFile: null, log: () => undefined });
    expect(playground.sidebarHtml()).toBeNull();
    expect(playground.run('getWorkspaceStatus', [])).toMatchObject({ ok: true, sidebarOpened: false });
    expect(playground.run('openPlanner', [])).toMatchObject({ ok: true, sidebarOpened: true });
    expect(playground.view().sidebarTitle).toBe('AI Plan Workspace');
    expect(playground.sidebarHtml()).toContain('<main id="app"');
  });

  it('saves Dates and reads them back as Dates', () => {
    const state = newWorldState();
    state.spreadsheet.sheets[0]?.rows.splice(0, 1, [{ value: new Date('2026-11-28T10:00:00Z') }]);
    const back = decodeState(encodeState(state));
    expect(back.spreadsheet.sheets[0]?.rows[0]?.[0]?.value).toEqual(new Date('2026-11-28T10:00:00Z'));
  });

  it('keeps a walked-through workspace small on disk and reads it back exactly', () => {
    const env = readyWorkspace();
    const plain = JSON.stringify(env.state).length;
    const saved = encodeState(env.state);
    expect(saved.length).toBeLessThan(plain / 20);
    expect(saved.length).toBeLessThan(1_000_000);
    // As JSON (Dates are revived as Dates: the test above), compared as text: Jest's deep comparison of
    // a world this size took 15 s.
    const back = decodeState(saved);
    expect(JSON.stringify(back) === JSON.stringify(env.state)).toBe(true);
    expect(encodeState(back) === saved).toBe(true);
  });
});
