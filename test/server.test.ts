import { readFileSync } from 'node:fs';
import {
  activitiesOf,
  messageActivity,
  post,
  startTestServer,
  type TestServer,
} from './helpers/testServer';

const source = readFileSync('knowledge/source/group-therapy-faq.txt', 'utf8').replace(/\s+/g, ' ');

describe('the service over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const ask = async (text: string, overrides: Record<string, unknown> = {}) => {
    const result = await post(`${server.url}/api/messages`, messageActivity(text, overrides));
    expect(result.status).toBe(200);
    return activitiesOf(result);
  };

  it('reports its knowledge base on /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; entries: number; version: string };
    expect(body).toEqual({
      status: 'ok',
      entries: 26,
      version: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
  });

  it('welcomes a person who joins, with the notice and topic choices', async () => {
    const result = await post(
      `${server.url}/api/messages`,
      messageActivity('', {
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: 'user-1' }],
      }),
    );
    const [hello, notice, choices] = activitiesOf(result);
    expect(hello?.text).toMatch(/^Hello! I answer common questions/);
    expect(notice?.text).toMatch(
      /automated FAQ.*can't give therapy advice.*not for emergencies.*call 911/s,
    );
    expect(choices?.suggestedActions?.actions.map((a) => a.title)).toEqual([
      'What is group?',
      'How it works',
      'Confidentiality',
      'How long to stay',
    ]);
  });

  it("answers a question with the document's exact words", async () => {
    const activities = await ask('how long is each session');
    const answer = activities.find((a) => a.text?.startsWith('An interpersonal therapy group is'));
    expect(answer?.text).toContain('Each group session lasts for 75 - 90 minutes.');
    expect(source).toContain(answer?.text?.replace(/\s+/g, ' '));
  });

  it('puts the notice on the first reply of a conversation that had no welcome, and only once', async () => {
    const conversation = { id: 'sms-like-conversation' };
    const first = await ask('is it confidential', { conversation });
    const second = await ask('can I quit', { conversation });
    expect(first[0]?.text).toMatch(/^Please note: I'm an automated FAQ/);
    expect(second.some((a) => a.text?.startsWith('Please note'))).toBe(false);
    expect(second[0]?.text).toMatch(/^You can always leave the group\./);
  });

  it('offers "did you mean" choices for a close call', async () => {
    const activities = await ask('sharing feedback');
    const prompt = activities.find((a) => a.suggestedActions);
    expect(prompt?.text).toMatch(/Did you mean/);
    const titles = prompt?.suggestedActions?.actions.map((a) => a.title) ?? [];
    expect(titles).toEqual(['Do I have to share?', 'Feedback', 'None of these']);
  });

  it('points to the practice when the FAQ has no answer', async () => {
    const activities = await ask('do you take insurance');
    const last = activities.at(-1);
    expect(last?.text).toMatch(/I can't answer that here/);
    expect(last?.text).toContain('+1 555 0100');
  });

  it('answers small talk warmly, never with the fallback', async () => {
    const activities = await ask('thank you so much');
    expect(activities.at(-1)?.text).toMatch(/You're welcome/);
  });
});
