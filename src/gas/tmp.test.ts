import { it } from '@jest/globals';
import { FakeEnvironment } from '../../test/fakes/environment';
import { setUpWorkspace } from './set-up';
import { workspaceStatus } from './workspace-status';
it('x', () => {
  const env = new FakeEnvironment();
  env.run((gas) => setUpWorkspace(gas));
  env.calls.reset();
  env.run((gas) => setUpWorkspace(gas));
  console.log(env.calls.total(), JSON.stringify(env.calls.byMethod()));
  env.calls.reset();
  env.run((gas) => workspaceStatus(gas));
  console.log(env.calls.total(), JSON.stringify(env.calls.byMethod()));
});
