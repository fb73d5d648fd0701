import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fetchWebChatBundle, webChatDir } from '../src/webChatBundle';
import { startTestServer, type TestServer } from './helpers/testServer';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
  existsSync(path),
);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = 'test/artifacts/webchat.png';

/** The transcript as a person sees it, one line per message, oldest first. */
const transcript = async (page: Page): Promise<string[]> =>
  (await page.locator('.webchat__basic-transcript__activity').allInnerTexts()).map((text) =>
    text.replace(/\s+/g, ' '),
  );

/** Waits for a message in the transcript holding the text. */
const shown = (page: Page, text: string | RegExp): Promise<void> =>
  page.locator('.webchat__basic-transcript__activity', { hasText: text }).last().waitFor();

/** A button of the suggested actions under the last reply. */
const choice = (page: Page, name: string) =>
  page
    .getByRole('toolbar', { name: 'Suggested actions' })
    .getByRole('button', { name, exact: true });

/** Presses Tab until the message box has focus, as a keyboard user would. */
async function tabToMessageBox(page: Page): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    const label = await page.locator(':focus').getAttribute('aria-label');
    if (label === 'Message input box') return;
  }
  throw new Error('Tab never reached the message box');
}

(CHROMIUM ? describe : describe.skip)('the website chat in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    await fetchWebChatBundle(webChatDir());
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    await page.goto(`${server.url}/`);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the welcome with its topics', async () => {
    await shown(page, 'Hello! I answer common questions');
    await choice(page, 'How it works').waitFor();
  });

  it('sends a question with the keyboard alone, with focus visible, and shows the vetted answer', async () => {
    await tabToMessageBox(page);
    // A string, because the tests compile without the DOM's types.
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await page.keyboard.type('how long is each session');
    await page.keyboard.press('Enter');
    await shown(page, 'Each group session lasts for 75 - 90 minutes.');
  });

  it('offers "did you mean" choices and answers the one clicked', async () => {
    await page.getByRole('textbox', { name: 'Message input box' }).fill('sharing feedback');
    await page.getByRole('button', { name: 'Send' }).click();
    await choice(page, 'Do I have to share?').waitFor();
    await choice(page, 'Feedback').click();
    await shown(page, 'is a hallmark of group work');
  });

  it('answers a message that suggests risk with crisis resources first', async () => {
    await page.getByRole('textbox', { name: 'Message input box' }).fill('I want to kill myself');
    await page.keyboard.press('Enter');
    await shown(page, 'call 911 now');
    const lines = await transcript(page);
    const asked = lines.findLastIndex((line) => line.includes('You said: I want to kill myself'));
    expect(lines[asked + 1]).toMatch(/^Bot said: I.m an automated FAQ .*call 911 now/);
  });

  it('breaks none of its security policy, and leaves a screenshot to look at', async () => {
    await mkdir('test/artifacts', { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(problems).toEqual([]);
  });
});

if (!CHROMIUM) {
  describe('the website chat in a real browser', () => {
    if (process.env.CI) {
      it('needs Chromium in CI: install it with apt-get install chromium', () => {
        throw new Error('No Chromium at /usr/bin/chromium; CI must install it');
      });
    } else {
      it('SKIPPED: no Chromium found; install it with apt-get install chromium', () => undefined);
    }
  });
}
