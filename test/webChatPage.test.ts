import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fetchWebChatBundle, webChatDir } from '../src/webChatBundle';
import { request } from './helpers/httpClient';
import { startTestServer, type TestServer } from './helpers/testServer';

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

describe('the website chat page', () => {
  let server: TestServer;
  beforeAll(async () => {
    await fetchWebChatBundle(webChatDir());
    server = await startTestServer();
  }, 120_000);
  afterAll(() => server.close());

  it('is an accessible page naming the practice, saying it is an automated FAQ and not for emergencies', async () => {
    const res = await request(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toMatch(/<html lang="en">/);
    expect(res.text).toMatch(/<title>[^<]+Example Group Practice<\/title>/);
    expect(res.text).toContain('<h1>Example Group Practice</h1>');
    expect(res.text).toMatch(/automated FAQ, not a person, and it is not for emergencies/);
    expect(res.text).toContain('<script nonce="');
    expect(res.text).toContain('src="/webchat/webchat.js?v=4.18.1"');
    expect(res.text).not.toMatch(/src="(https?:)?\/\//);
  });

  it('runs only its own scripts, with a fresh nonce for every response', async () => {
    const [first, second] = [await request(`${server.url}/`), await request(`${server.url}/`)];
    const csp = String(first.headers['content-security-policy']);
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{24}$/);
    expect(nonceOf(String(second.headers['content-security-policy']))).not.toBe(nonce);
    expect(first.text.match(/<script/g)?.length).toBe(2);
    expect(first.text.split(`<script nonce="${nonce}"`)).toHaveLength(3);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(first.headers['cache-control']).toBe('no-store');
  });

  it('serves Web Chat and its license notices itself, gzipped when asked', async () => {
    const file = await readFile(path.join(webChatDir(), 'webchat.js'));
    const zipped = await fetch(`${server.url}/webchat/webchat.js`);
    expect(zipped.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(await zipped.arrayBuffer()).equals(file)).toBe(true);
    const raw = await request(`${server.url}/webchat/webchat.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(Number(raw.headers['content-length'])).toBeLessThan(file.length / 3);
    const license = await request(`${server.url}/webchat/webchat.js.LICENSE.txt`);
    expect(license.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(license.text).toContain('MIT License');
  });
});
