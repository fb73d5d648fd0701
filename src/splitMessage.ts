/** SMS carriers cut a message at this many characters. */
export const SMS_LIMIT = 1600;

/** Room kept for a "(12/12) " label. */
const LABEL_ROOM = 8;

interface Piece {
  readonly text: string;
  /** What stood between this piece and the one before it. */
  readonly joiner: string;
}

function split(text: string, limit: number, joiner: string): Piece[] {
  if (text.length <= limit) return [{ text, joiner }];
  const paragraphs = text.split('\n\n');
  if (paragraphs.length > 1)
    return paragraphs.flatMap((p, i) => split(p, limit, i === 0 ? joiner : '\n\n'));
  const sentences = text.split(/(?<=[.!?]["”’)]?) /);
  const words = sentences.length > 1 ? sentences : text.split(' ');
  if (words.length === 1)
    return [{ text: text.slice(0, limit), joiner }, ...split(text.slice(limit), limit, '')];
  const half =
    sentences.length > 1
      ? words
      : [words.slice(0, words.length / 2).join(' '), words.slice(words.length / 2).join(' ')];
  return half.flatMap((s, i) => split(s, limit, i === 0 ? joiner : ' '));
}

/**
 * Splits a long answer into parts that each fit one SMS, at paragraph boundaries, or sentence
 * boundaries when a paragraph is too long, keeping every word in order. Parts are labelled
 * "(1/3)" and so on, because SMS parts can arrive out of order.
 */
export function splitForSms(text: string, limit = SMS_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const room = limit - LABEL_ROOM;
  const parts: string[] = [];
  for (const { text: piece, joiner } of split(text, room, '')) {
    const last = parts.at(-1);
    if (last !== undefined && last.length + joiner.length + piece.length <= room) {
      parts[parts.length - 1] = `${last}${joiner}${piece}`;
    } else parts.push(piece);
  }
  return parts.map((part, i) => `(${i + 1}/${parts.length}) ${part}`);
}
