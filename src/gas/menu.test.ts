import { describe, expect, it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import * as entryPoints from './main';
import { buildMenu, menuFunctionNames } from './menu';

describe('the add-on menu', () => {
  it('is built in AuthMode.NONE, where nothing but menus is allowed', () => {
    const env = new FakeEnvironment();
    env.run((gas) => buildMenu(gas), { authMode: 'NONE' });
    expect(env.ui.menu).toEqual([
      { caption: 'Open planner', functionName: 'openPlanner' },
      { caption: 'Check approval replies now', functionName: 'checkApprovalReplies' },
      { caption: 'Set up workspace', functionName: 'setUpWorkspace' },
    ]);
  });

  it('names only functions the entry file exports', () => {
    for (const name of menuFunctionNames)
      expect(typeof (entryPoints as Record<string, unknown>)[name]).toBe('function');
  });
});
