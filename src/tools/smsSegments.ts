import { loadKnowledge } from '../loadKnowledge';
import { splitForSms } from '../splitMessage';

/** The GSM 03.38 basic set and its extension table (which costs two characters). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€');

/** How many SMS segments one message costs: GSM-7 160/153, or UCS-2 70/67 once any character is outside GSM. */
export function smsSegments(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number } {
  const chars = [...text];
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c))) {
    const units = chars.reduce((n, c) => n + (GSM_EXTENDED.has(c) ? 2 : 1), 0);
    return { encoding: 'GSM-7', segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = chars.reduce((n, c) => n + ((c.codePointAt(0) ?? 0) > 0xffff ? 2 : 1), 0);
  return { encoding: 'UCS-2', segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

function main(): void {
  const knowledge = loadKnowledge(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const rows = knowledge.entries.map((entry) => {
    const parts = splitForSms(entry.answer);
    const costs = parts.map(smsSegments);
    const encoding = costs.some((c) => c.encoding === 'UCS-2') ? 'UCS-2' : 'GSM-7';
    const segments = costs.reduce((n, c) => n + c.segments, 0);
    return `| ${entry.id} | ${entry.answer.length} | ${parts.length} | ${encoding} | ${segments} |`;
  });
  process.stdout.write(
    [
      '| answer | characters | messages | encoding | segments |',
      '| --- | --: | --: | --- | --: |',
      ...rows,
    ].join('\n') + '\n',
  );
}

if (require.main === module) main();
