import { postChat, replyOf, type ChatReply } from './helpers/httpClient';
import { startTestServer, type TestServer } from './helpers/testServer';

const CANARY = 'okapi-canary-5521 my private worry';
const PAGE_FIELDS = ['type', 'text', 'textFormat', 'suggestedActions', 'attachments'];

describe('POST /api/chat, the website chat page’s endpoint', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const turns = () => server.log.lines.filter((l) => l.msg === 'turn').length;
  const chat = async (body: Record<string, unknown>): Promise<ChatReply> => {
    const res = await postChat(server.url, body);
    expect(res.status).toBe(200);
    return replyOf(res);
  };
  const join = () => chat({ type: 'conversationUpdate' });

  it('starts a conversation with a fresh, unguessable id and the welcome', async () => {
    const first = await join();
    const second = await join();
    expect(first.conversationId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(second.conversationId).not.toBe(first.conversationId);
    expect(first.activities[0]?.text).toMatch(/^Hello! I answer common questions/);
    expect(first.activities.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toContain(
      'How it works',
    );
  });

  it("answers in the same conversation with the document's words, without repeating the notice", async () => {
    const { conversationId } = await join();
    const reply = await chat({ conversationId, text: 'how long is each session' });
    expect(reply.conversationId).toBe(conversationId);
    expect(reply.activities.some((a) => a.text?.startsWith('Please note'))).toBe(false);
    expect(reply.activities[0]?.text).toContain('Each group session lasts for 75 - 90 minutes.');
  });

  it('offers "did you mean" choices and answers the one picked', async () => {
    const { conversationId } = await join();
    const clarify = await chat({ conversationId, text: 'sharing feedback' });
    const prompt = clarify.activities.find((a) => a.suggestedActions);
    expect(prompt?.suggestedActions?.actions.map((a) => a.title)).toEqual([
      'Do I have to share?',
      'Feedback',
      'None of these',
    ]);
    const answer = await chat({ conversationId, text: 'Feedback' });
    expect(answer.activities[0]?.text).toMatch(/is a hallmark of group work/);
  });

  it('gives crisis resources first', async () => {
    const { conversationId } = await join();
    const reply = await chat({ conversationId, text: 'I want to kill myself' });
    expect(reply.activities[0]?.text).toMatch(/^I'm an automated FAQ .*call 911 now/s);
  });

  it('returns only the fields the page renders, never addresses or ids', async () => {
    const reply = await chat({ text: 'is it confidential' });
    for (const activity of reply.activities) {
      expect(Object.keys(activity).every((key) => PAGE_FIELDS.includes(key))).toBe(true);
    }
    expect(reply.conversationId).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it.each([
    ['not JSON', 400, 'application/json', '{"text": "oops'],
    ['an array', 400, 'application/json', '[]'],
    ['an empty text', 400, 'application/json', '{"text": "  "}'],
    ['a text that is not a string', 400, 'application/json', '{"text": 42}'],
    ['a field the server sets', 400, 'application/json', '{"text":"hi","serviceUrl":"http://x"}'],
    [
      'an id the server never issued',
      400,
      'application/json',
      '{"text":"hi","conversationId":"x"}',
    ],
    ['a join with text', 400, 'application/json', '{"type":"conversationUpdate","text":"hi"}'],
    ['plain text', 415, 'text/plain', 'hello'],
    ['a body over 8 KB', 413, 'application/json', JSON.stringify({ text: 'x'.repeat(9000) })],
  ])('answers %s with %i and runs no turn', async (_what, status, type, body) => {
    const before = turns();
    const res = await postChat(server.url, body, { headers: { 'content-type': type } });
    expect(res.status).toBe(status);
    expect(res.text).not.toMatch(/oops|hello|stack|at \w+ \(|node_modules/);
    expect(turns()).toBe(before);
  });

  it('never logs what a person typed', async () => {
    const { conversationId } = await join();
    await chat({ conversationId, text: `how long is each session ${CANARY}` });
    await chat({ conversationId, text: `${CANARY} I want to kill myself` });
    await postChat(server.url, `{"text": "${CANARY}", broken`);
    expect(server.log.text()).toContain('"msg":"turn"');
    expect(server.log.text()).not.toContain('okapi-canary');
    expect(server.log.text()).not.toContain(conversationId);
  });
});
