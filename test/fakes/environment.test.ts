import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from './environment';

const owner = 'coordinator@district.example.org';
const editor = 'staff@district.example.org';

function sheetOf(env: FakeEnvironment, user?: string) {
  const execution = env.start(user ? { user } : {});
  const ss = execution.globals.SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('no spreadsheet');
  return { execution, ss, gas: execution.globals };
}

describe('executions', () => {
  it('refuses calls on objects from an execution that has ended', () => {
    const env = new FakeEnvironment();
    const { execution, ss } = sheetOf(env);
    const sheet = ss.getSheets()[0];
    execution.end();
    expect(() => sheet?.getName()).toThrow('after its execution ended');
  });

  it('allows only menu building in AuthMode.NONE', () => {
    const env = new FakeEnvironment();
    env.run(
      (gas) => {
        gas.SpreadsheetApp.getUi().createAddonMenu().addItem('Open planner', 'openPlanner').addToUi();
        expect(() => gas.SpreadsheetApp.getActiveSpreadsheet()).toThrow('Authorization is required');
        expect(() => gas.PropertiesService.getDocumentProperties()).toThrow('Authorization is required');
      },
      { authMode: 'NONE' },
    );
    expect(env.ui.menu).toEqual([{ caption: 'Open planner', functionName: 'openPlanner' }]);
  });

  it('has no Ui in a time-driven execution', () => {
    const env = new FakeEnvironment();
    env.run(
      (gas) =>
        expect(() => gas.SpreadsheetApp.getUi()).toThrow(
          'Cannot call SpreadsheetApp.getUi() from this context.',
        ),
      {
        kind: 'trigger',
      },
    );
  });

  it('reports an empty active-user email when asked to, as Apps Script can', () => {
    const env = new FakeEnvironment();
    const email = env.run((gas) => gas.Session.getActiveUser().getEmail(), { activeUserEmail: '' });
    expect(email).toBe('');
  });
});

describe('document lock', () => {
  it('makes a second execution wait out its time-out and fail', () => {
    const clock = 0;
    const env = new FakeEnvironment({ now: () => clock });
    const first = env.start();
    expect(first.globals.LockService.getDocumentLock().tryLock(1000)).toBe(true);
    const second = env.start({ user: editor });
    const before = env.now().getTime();
    expect(second.globals.LockService.getDocumentLock().tryLock(5000)).toBe(false);
    expect(env.now().getTime() - before).toBe(5000);
    expect(() => second.globals.LockService.getDocumentLock().waitLock(100)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    first.end();
    expect(second.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    second.end();
  });

  it('is released by an alert, which suspends the script', () => {
    const env = new FakeEnvironment();
    const first = env.start();
    const lock = first.globals.LockService.getDocumentLock();
    lock.waitLock(1000);
    first.globals.SpreadsheetApp.getUi().alert('Sure?');
    expect(lock.hasLock()).toBe(false);
    first.end();
  });
});

describe('protection', () => {
  it('refuses a write by someone who is not an editor of the protection', () => {
    const env = new FakeEnvironment();
    env.state.spreadsheet.editors.push(editor);
    env.run((gas) => {
      const sheet = gas.SpreadsheetApp.getActiveSpreadsheet()?.insertSheet('Log');
      const protection = sheet?.protect();
      protection?.removeEditors(protection.getEditors().map((u) => u.getEmail()));
    });
    const { ss, execution } = sheetOf(env, editor);
    expect(() => ss.getSheetByName('Log')?.getRange('A1').setValue('x')).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    expect(ss.getSheetByName('Log')?.getRange('A1').getValue()).toBe('');
    execution.end();
  });

  it('keeps the user who made a protection among its editors', () => {
    const env = new FakeEnvironment();
    env.state.spreadsheet.editors.push(editor);
    env.run(
      (gas) => {
        const protection = gas.SpreadsheetApp.getActiveSpreadsheet()?.insertSheet('Approvals').protect();
        protection?.removeEditors(protection.getEditors().map((u) => u.getEmail()));
        expect(protection?.getEditors().map((u) => u.getEmail())).toEqual([editor]);
        expect(protection?.canEdit()).toBe(true);
      },
      { user: editor },
    );
  });

  it('lets anyone write through a warning-only protection', () => {
    const env = new FakeEnvironment();
    env.state.spreadsheet.editors.push(editor);
    env.run((gas) =>
      gas.SpreadsheetApp.getActiveSpreadsheet()?.insertSheet('Workflows').protect().setWarningOnly(true),
    );
    env.run(
      (gas) =>
        gas.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Workflows')?.getRange('A1').setValue('x'),
      {
        user: editor,
      },
    );
    expect(env.state.spreadsheet.sheets[1]?.rows[0]?.[0]?.value).toBe('x');
  });
});

describe('properties', () => {
  it('keeps user stores apart and shares the script store', () => {
    const env = new FakeEnvironment();
    env.run((gas) => {
      gas.PropertiesService.getUserProperties().setProperty('k', 'owner');
      gas.PropertiesService.getScriptProperties().setProperty('shared', 'yes');
    });
    env.run(
      (gas) => {
        expect(gas.PropertiesService.getUserProperties().getProperty('k')).toBeNull();
        expect(gas.PropertiesService.getScriptProperties().getProperty('shared')).toBe('yes');
      },
      { user: editor },
    );
  });

  it('refuses a store over 500 KB and keeps what it had', () => {
    const env = new FakeEnvironment();
    env.run((gas) => {
      const store = gas.PropertiesService.getDocumentProperties();
      const chunk = 'x'.repeat(9000);
      for (let i = 0; i < 56; i += 1) store.setProperty(`k${i}`, chunk);
      expect(() => store.setProperty('one-more', chunk)).toThrow('exceeded the property storage quota');
      expect(store.getProperty('one-more')).toBeNull();
      expect(store.getKeys()).toHaveLength(56);
    });
  });
});

describe('triggers', () => {
  it('keeps triggers per user', () => {
    const env = new FakeEnvironment();
    env.run((gas) => gas.ScriptApp.newTrigger('checkApprovalReplies').timeBased().everyHours(1).create());
    expect(env.run((gas) => gas.ScriptApp.getProjectTriggers().length, { user: editor })).toBe(0);
    env.run((gas) => gas.ScriptApp.newTrigger('checkApprovalReplies').timeBased().everyHours(1).create(), {
      user: editor,
    });
    expect(env.state.triggers.map((t) => t.user)).toEqual([owner, editor]);
  });

  it('stops at 20 triggers per user', () => {
    const env = new FakeEnvironment();
    for (let i = 0; i < 20; i += 1) {
      env.state.triggers.push({
        id: `t${i}`,
        handler: 'x',
        eventType: 'CLOCK',
        source: 'CLOCK',
        sourceId: '',
        user: owner,
        documentId: `other-document-${i}`,
        everyHours: 1,
      });
    }
    expect(() => env.run((gas) => gas.ScriptApp.newTrigger('y').timeBased().everyHours(1).create())).toThrow(
      'too many triggers',
    );
  });
});

describe('menus', () => {
  it('refuses items that name no callable function, and private ones', () => {
    const env = new FakeEnvironment();
    env.isCallable = (name) => name === 'openPlanner' || name === 'helper_';
    env.run((gas) => {
      const ui = gas.SpreadsheetApp.getUi();
      expect(() => ui.createAddonMenu().addItem('Missing', 'noSuchFunction').addToUi()).toThrow(
        'Script function not found: noSuchFunction',
      );
      expect(() => ui.createAddonMenu().addItem('Private', 'helper_').addToUi()).toThrow(
        'Script function not found',
      );
    });
    expect(env.ui.menu).toBeNull();
  });
});

describe('call counting', () => {
  it('counts the calls made by the code under test, by method, and not the fakes’ own', () => {
    const env = new FakeEnvironment();
    env.run((gas) => {
      const sheet = gas.SpreadsheetApp.getActiveSpreadsheet()?.getSheets()[0];
      sheet?.getRange(1, 1, 2, 2).setValues([
        ['a', 'b'],
        ['c', 'd'],
      ]);
      sheet?.getDataRange().getValues();
    });
    expect(env.calls.byMethod()).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });
});
