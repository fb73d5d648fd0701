import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { activitiesOf, messageActivity, post, startTestServer } from './helpers/testServer';
import { startFakeChannel } from './helpers/fakeChannel';
import { spawnBot } from './helpers/spawnBot';

const copyKnowledge = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'knowledge-'));
  cpSync('knowledge', dir, { recursive: true });
  return dir;
};
const version = async (url: string) =>
  (await (await fetch(`${url}/healthz`)).json()) as { status: string; version: string };
const until = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 60; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
};

describe('operating the service', () => {
  it('reloads an edited knowledge file after validating it, and keeps the old version on a bad edit', async () => {
    const dir = copyKnowledge();
    const server = await startTestServer({ KNOWLEDGE_DIR: dir });
    try {
      const before = (await version(server.url)).version;
      const faq = path.join(dir, 'faq.yaml');
      const original = readFileSync(faq, 'utf8');
      writeFileSync(
        faq,
        original.replace(
          '      is it weekly\n',
          '      is it weekly\n      quokka session length\n',
        ),
      );
      await until(async () => (await version(server.url)).version !== before);
      const answer = activitiesOf(
        await post(`${server.url}/api/messages`, messageActivity('quokka session length')),
      );
      expect(answer.some((a) => a.text?.includes('75 - 90 minutes'))).toBe(true);

      const good = (await version(server.url)).version;
      writeFileSync(
        faq,
        original.replace(
          'followUps: [example-sam, example-jane]',
          'followUps: [example-sam, example-jnae]',
        ),
      );
      await until(async () =>
        server.log.lines.some(
          (l) => l.msg === 'knowledge reload failed; the previous version stays live',
        ),
      );
      const failure = server.log.lines.find(
        (l) => l.msg === 'knowledge reload failed; the previous version stays live',
      );
      expect(JSON.stringify(failure)).toMatch(
        /faq\.yaml:\d+ \(entry \\"why-pay-attention\\"\): follow-up \\"example-jnae\\" is not an entry id/,
      );
      expect((await version(server.url)).version).toBe(good);
    } finally {
      await server.close();
    }
  });

  it('reloads on SIGHUP and finishes a turn in flight before exiting 0 on SIGTERM', async () => {
    const dir = copyKnowledge();
    const channel = await startFakeChannel();
    const bot = await spawnBot({ KNOWLEDGE_DIR: dir });
    try {
      const practice = path.join(dir, 'practice.yaml');
      writeFileSync(practice, readFileSync(practice, 'utf8').replace('+1 555 0100', '+1 555 0199'));
      const before = (await version(bot.url)).version;
      process.kill(bot.pid, 'SIGHUP');
      await until(async () => (await version(bot.url)).version !== before);

      channel.respondWith(200, 700);
      const inFlight = post(
        `${bot.url}/api/messages`,
        messageActivity('how long is each session', {
          deliveryMode: undefined,
          serviceUrl: channel.url,
        }),
      );
      await until(async () => channel.received.length > 0);
      const exit = bot.stop();
      expect((await inFlight).status).toBe(200);
      expect(await exit).toBe(0);
    } finally {
      await channel.close();
    }
  }, 30_000);

  it('reports degraded on /healthz while replies to the channel fail, and ok once they get through', async () => {
    const channel = await startFakeChannel();
    const server = await startTestServer();
    try {
      const send = () =>
        post(
          `${server.url}/api/messages`,
          messageActivity('hi', { deliveryMode: undefined, serviceUrl: channel.url }),
        );
      expect((await version(server.url)).status).toBe('ok');
      channel.respondWith(401);
      await send();
      expect((await version(server.url)).status).toBe('degraded');
      channel.respondWith(200);
      await send();
      expect((await version(server.url)).status).toBe('ok');
    } finally {
      await server.close();
      await channel.close();
    }
  }, 30_000);
});
