import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/createApp';
import { loadConfig } from '../../src/config';
import { createLogSink, type LogSink } from './logSink';

export interface TestServer {
  readonly url: string;
  readonly log: LogSink;
  close(): Promise<void>;
}

/** Starts the real service on a free loopback port. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const log = createLogSink();
  const app = createApp(loadConfig({ PORT: '0', ...env }), log.logger);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, log, close: () => app.close() };
}

let counter = 0;

/** A message activity as a channel sends it, asking for the replies in the response. */
export function messageActivity(
  text: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  counter += 1;
  return {
    type: 'message',
    deliveryMode: 'expectReplies',
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:1',
    from: { id: 'user-1', name: 'Visitor' },
    recipient: { id: 'bot', name: 'Group FAQ' },
    conversation: { id: `conversation-${process.pid}-${counter}` },
    text,
    ...overrides,
  };
}

export interface PostResult {
  readonly status: number;
  readonly body: unknown;
  readonly raw: string;
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<PostResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const raw = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    parsed = raw;
  }
  return { status: res.status, body: parsed, raw };
}

export interface ReplyActivity {
  type: string;
  text?: string;
  textFormat?: string;
  suggestedActions?: { actions: { title: string; value: string }[] };
  attachments?: {
    contentType: string;
    content: { buttons?: { title: string; value: string }[] };
  }[];
}

export function activitiesOf(result: PostResult): ReplyActivity[] {
  return (result.body as { activities: ReplyActivity[] }).activities;
}
