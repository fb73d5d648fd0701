import type { AddressInfo } from 'node:net';
import { loadKnowledge } from '../src/loadKnowledge';
import { createEchoServer } from '../src/tools/echoServer';
import { createLoadMix } from '../src/tools/loadMix';
import { SERVICE_NODE_FLAGS } from '../src/tools/spawnBenchServer';
import packageJson from '../package.json';

const ids = new Set(loadKnowledge('knowledge').byId.keys());

interface Body {
  type: string;
  deliveryMode: string;
  text: string;
  conversation: { id: string };
}

const bodies = (count: number, conversations: number): Body[] => {
  const mix = createLoadMix(ids, conversations);
  return Array.from({ length: count }, () => JSON.parse(mix.nextBody()) as Body);
};

describe('the service benchmark', () => {
  it('runs the service with the node flags `npm start` runs it with', () => {
    expect(packageJson.scripts.start).toContain(
      `node ${SERVICE_NODE_FLAGS.join(' ')} dist/src/main.js`,
    );
  });

  it('sends expectReplies messages, round-robin over its conversations', () => {
    const sent = bodies(7, 3);
    expect(sent.every((b) => b.type === 'message' && b.deliveryMode === 'expectReplies')).toBe(
      true,
    );
    expect(sent.map((b) => b.conversation.id)).toEqual(
      [0, 1, 2, 0, 1, 2, 0].map((n) => `bench-${n}`),
    );
  });

  it('mixes in-scope questions with out-of-scope ones and small talk', () => {
    const { items } = createLoadMix(ids, 10);
    const labels = new Set(items.map((i) => (typeof i.expect === 'string' ? i.expect : 'entry')));
    expect([...labels].sort()).toEqual(['entry', 'fallback', 'smalltalk']);
  });

  it('sends the same questions in the same order on every run', () => {
    expect(bodies(50, 10)).toEqual(bodies(50, 10));
  });

  it('compares with an echo bot that answers each message with its text', async () => {
    const server = createEchoServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const [body] = bodies(1, 1);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const replies = (await res.json()) as { activities: { text: string }[] };
      expect(replies.activities.map((a) => a.text)).toEqual([body?.text]);
    } finally {
      server.close();
    }
  });
});
