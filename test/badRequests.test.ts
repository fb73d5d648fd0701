import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { readBoundedBody } from '../src/readBoundedBody';
import { messageActivity, post, startTestServer, type TestServer } from './helpers/testServer';

describe('requests the bot must refuse', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const turns = () => server.log.lines.filter((l) => l.msg === 'turn').length;

  it.each([
    ['not JSON', 'application/json', '{"type": "message", oops', 400],
    ['an empty object', 'application/json', '{}', 400],
    ['an array', 'application/json', '[]', 400],
    [
      'an activity without a conversation',
      'application/json',
      JSON.stringify({ ...messageActivity('hi'), conversation: undefined }),
      400,
    ],
    [
      'an activity without a sender',
      'application/json',
      JSON.stringify({ ...messageActivity('hi'), from: undefined }),
      400,
    ],
    [
      'an activity without a type',
      'application/json',
      JSON.stringify({ ...messageActivity('hi'), type: undefined }),
      400,
    ],
    ...[
      ['a serviceUrl that is not a string', { serviceUrl: 42 }],
      ['entities that are not a list', { entities: null }],
      ['an entity without a type', { entities: [null] }],
      ['a mention of no one', { entities: [{ type: 'mention' }] }],
      [
        'a message that mentions the bot and has no text',
        { text: undefined, entities: [{ type: 'mention', mentioned: { id: 'bot' } }] },
      ],
      ['members who joined that are not a list', { type: 'conversationUpdate', membersAdded: 'x' }],
      ['a member who joined as null', { type: 'conversationUpdate', membersAdded: [null] }],
    ].map(([what, fields]): [string, string, string, number] => [
      `an activity with ${what as string}`,
      'application/json',
      JSON.stringify(messageActivity('hi', fields as Record<string, unknown>)),
      400,
    ]),
    ['plain text', 'text/plain', 'hello', 415],
    ['a form upload', 'multipart/form-data; boundary=x', '--x\r\n\r\nhello\r\n--x--', 415],
    [
      'a body over 256 KB',
      'application/json',
      JSON.stringify(messageActivity('x'.repeat(300_000))),
      413,
    ],
  ])(
    'answers %s (sent as %s) with the right 4xx and runs no turn',
    async (_what, type, body, status) => {
      const before = turns();
      const result = await post(`${server.url}/api/messages`, body, { 'content-type': type });
      expect(result.status).toBe(status);
      expect(result.raw).not.toMatch(/oops|hello|stack|at \w+ \(|node_modules/);
      expect(turns()).toBe(before);
    },
  );

  it('answers GET with 405', async () => {
    const res = await fetch(`${server.url}/api/messages`);
    expect(res.status).toBe(405);
  });

  it('refuses to send replies to a serviceUrl off this machine when it runs without credentials', async () => {
    const activity = messageActivity('hi', {
      deliveryMode: undefined,
      serviceUrl: 'https://example.net/',
    });
    const result = await post(`${server.url}/api/messages`, activity);
    expect(result.status).toBe(400);
    expect(result.raw).toMatch(/only replies to a serviceUrl on this machine/);
  });
});

describe('a conversation that sends too much', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is throttled per conversation, with Retry-After, while crisis messages always go through', async () => {
    const conversation = { id: 'flooding-conversation' };
    const send = (text: string) =>
      post(`${server.url}/api/messages`, messageActivity(text, { conversation }));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await send('how long is each session')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    const refused = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity('is it confidential', { conversation })),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await send('i want to kill myself')).status).toBe(200);
    const other = await post(
      `${server.url}/api/messages`,
      messageActivity('how long is each session'),
    );
    expect(other.status).toBe(200);
  });
});

describe('reading a request body', () => {
  const request = (): PassThrough & IncomingMessage =>
    Object.assign(new PassThrough(), { headers: {} }) as unknown as PassThrough & IncomingMessage;

  it('reads the whole body up to the limit', async () => {
    const req = request();
    const body = readBoundedBody(req, 10, 'too large');
    req.end('0123456789');
    await expect(body).resolves.toEqual(Buffer.from('0123456789'));
  });

  it('refuses a body that passes the limit with a 413', async () => {
    const req = request();
    const body = readBoundedBody(req, 10, 'too large');
    req.end('0123456789!');
    await expect(body).rejects.toMatchObject({ status: 413 });
  });

  it('gives up on a request closed before its body ended, rather than waiting for ever', async () => {
    const req = request();
    const body = readBoundedBody(req, 10, 'too large');
    req.write('01234');
    req.destroy();
    await expect(body).rejects.toThrow(/closed before its body ended/);
  });

  it('gives up at once on a request already closed', async () => {
    const req = request();
    req.destroy();
    await expect(readBoundedBody(req, 10, 'too large')).rejects.toThrow(/already read or/);
  });
});
