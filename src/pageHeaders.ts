import { randomBytes } from 'node:crypto';

/** A fresh nonce for each page response, so that only the page's own scripts run. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The chat page's security headers. Scripts run only with this response's nonce. Styles need
 * 'unsafe-inline': Web Chat writes its styles into <style> elements as it renders, and a nonce in
 * style-src would make browsers ignore 'unsafe-inline'. Images may be data: and blob: URLs,
 * which Web Chat uses for its icons. Only the allowed sites may frame the page; none by default.
 */
export function pageHeaders(
  nonce: string,
  frameAncestors: readonly string[],
): Record<string, string> {
  const policy = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ];
  return {
    'content-security-policy': policy.join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The nonce must never be reused, so the page must never come from a cache.
    'cache-control': 'no-store',
  };
}
