import { ClaimsIdentity } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from '../src/reusedClientsAuthentication';

const activity = (serviceUrl: string): Activity =>
  ({
    type: 'message',
    serviceUrl,
    channelId: 'webchat',
    from: { id: 'user' },
    recipient: { id: 'bot' },
    conversation: { id: 'conversation' },
  }) as Activity;

describe('connector and user token clients', () => {
  it('are built once per service address and reused by later turns', async () => {
    const auth = new ReusedClientsAuthentication({});
    const first = await auth.authenticateRequest(activity('http://127.0.0.1:3000'), '');
    const second = await auth.authenticateRequest(activity('http://127.0.0.1:3000'), '');
    const a = await first.connectorFactory!.create('http://127.0.0.1:3000', first.audience);
    const b = await second.connectorFactory!.create('http://127.0.0.1:3000', second.audience);
    const other = await second.connectorFactory!.create('http://127.0.0.1:4000', second.audience);
    expect(b).toBe(a);
    expect(other).not.toBe(a);
  });

  it('are kept apart for different bot identities', async () => {
    const auth = new ReusedClientsAuthentication({});
    const identity = (appId: string) => new ClaimsIdentity([{ type: 'aud', value: appId }], true);
    const one = await auth.createConnectorFactory(identity('app-one')).create('http://127.0.0.1:1');
    const again = await auth
      .createConnectorFactory(identity('app-one'))
      .create('http://127.0.0.1:1');
    const two = await auth.createConnectorFactory(identity('app-two')).create('http://127.0.0.1:1');
    expect(again).toBe(one);
    expect(two).not.toBe(one);
    const tokens = await auth.createUserTokenClient(identity('app-one'));
    expect(await auth.createUserTokenClient(identity('app-one'))).toBe(tokens);
    expect(await auth.createUserTokenClient(identity('app-two'))).not.toBe(tokens);
  });
});
