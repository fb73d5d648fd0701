import path from 'node:path';
import { fetchWebChatBundle, webChatDir, WEBCHAT_VERSION } from '../webChatBundle';

/** `npm start` runs this before the bot, so that the website chat page has its bundle. */
async function main(): Promise<void> {
  const dir = webChatDir();
  const where = path.relative(process.cwd(), dir) || '.';
  try {
    const outcome = await fetchWebChatBundle(dir);
    process.stdout.write(
      outcome === 'fetched'
        ? `Fetched Web Chat ${WEBCHAT_VERSION} into ${where}\n`
        : `Web Chat ${WEBCHAT_VERSION} is already in ${where}\n`,
    );
  } catch (err) {
    const cause = (err as Error).cause instanceof Error ? `: ${(err as Error).cause}` : '';
    process.stderr.write(
      `Could not fetch Web Chat ${WEBCHAT_VERSION}: ${(err as Error).message}${cause}\n`,
    );
    process.exitCode = 1;
  }
}

void main();
