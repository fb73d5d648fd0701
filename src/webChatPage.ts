import type { Practice } from './knowledge';
import { WEBCHAT_SCRIPT } from './webChatScript';

export interface WebChatPageOptions {
  readonly practice: Practice;
  /** The number to call in an emergency, for the practice's region. */
  readonly emergency: string;
  readonly nonce: string;
  /** Where the page loads Web Chat's bundle from, on this server. */
  readonly bundleUrl: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/*
 * Web Chat draws some focus cues as borders only; an outline on every focused control, with an
 * id in the selector to outrank Web Chat's class-based styles, keeps keyboard focus visible.
 */
const STYLE = `
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; }
header { padding: 0.75rem 1rem; border-bottom: 1px solid #c8c8c8; }
h1 { font-size: 1.25rem; margin: 0 0 0.25rem; }
header p { margin: 0; font-size: 0.95rem; line-height: 1.4; }
main { flex: 1; min-height: 0; display: flex; flex-direction: column; }
#webchat { flex: 1; min-height: 0; }
#chat-status:empty { display: none; }
#chat-status { margin: 1rem; }
:focus-visible, #webchat :focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
`;

/** The accessible page around Web Chat: what this is, what it is not, and where to get help. */
export function renderWebChatPage(options: WebChatPageOptions): string {
  const { practice, emergency, nonce, bundleUrl } = options;
  const name = escapeHtml(practice.practiceName);
  const contact = `contact ${practice.therapistName} at ${practice.phone} or ${practice.email}`;
  const failure = `Sorry, the chat is not working just now. If you are in danger, call ${emergency} now. To ask about the groups, ${contact}.`;
  const busy = `You're sending messages faster than I can answer. Please wait a minute and try again. If you are in danger, call ${emergency} now.`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Questions about our therapy groups – ${name}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${name}</h1>
<p>Questions about joining a therapy group, answered from ${escapeHtml(practice.therapistName)}'s FAQ. This is an automated FAQ, not a person, and it is not for emergencies: if you are in danger, call ${escapeHtml(emergency)}.</p>
</header>
<main>
<div id="webchat" data-endpoint="/api/chat" data-failure="${escapeHtml(failure)}" data-busy="${escapeHtml(busy)}"></div>
<p id="chat-status" role="status"></p>
<noscript><p>The chat needs JavaScript. To ask about the groups, ${escapeHtml(contact)}.</p></noscript>
</main>
<script nonce="${nonce}" src="${escapeHtml(bundleUrl)}"></script>
<script nonce="${nonce}">${WEBCHAT_SCRIPT}</script>
</body>
</html>
`;
}
