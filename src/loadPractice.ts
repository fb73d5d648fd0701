import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { Practice } from './knowledge';
import { KnowledgeError } from './knowledgeError';
import type { YamlFile } from './yamlFile';

type Check = (value: string) => string | undefined;

const isHttps: Check = (value) => {
  try {
    return new URL(value).protocol === 'https:' ? undefined : 'must be an https:// address';
  } catch {
    return 'must be a full https:// address';
  }
};

const CHECKS: Record<keyof Practice, Check> = {
  practiceName: () => undefined,
  therapistName: () => undefined,
  phone: (v) =>
    /^\+?[0-9][0-9 ()-]{5,18}[0-9]$/.test(v)
      ? undefined
      : 'must be a phone number, e.g. +1 555 0100',
  email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? undefined : 'must be an email address'),
  website: isHttps,
  privacyUrl: isHttps,
  termsUrl: isHttps,
  region: (v) => (/^[A-Z]{2}$/.test(v) ? undefined : 'must be a region code such as US or UK'),
};

/** Values the repository ships with, which must never reach a person in production. */
const PLACEHOLDER = /example\.(com|org|net)|\bexample\b|\b555[ -]?01\d\d\b/i;

export function loadPractice(file: YamlFile): { practice: Practice; placeholders: string[] } {
  const root = file.doc.contents;
  const fail = (node: Node | null | undefined, problem: string): never => {
    throw new KnowledgeError(file.name, file.lineOf(node), undefined, problem);
  };
  if (!isMap(root)) return fail(root, 'the file must be a mapping of practice details');
  const read = (map: YAMLMap, key: keyof Practice): string => {
    const node = map.get(key, true) as Node | undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      return fail(node ?? map, `"${key}" must be a non-empty text`);
    }
    const problem = CHECKS[key](node.value.trim());
    return problem ? fail(node, `"${key}" ${problem}`) : node.value.trim();
  };
  const keys = Object.keys(CHECKS) as (keyof Practice)[];
  const practice = Object.fromEntries(
    keys.map((key) => [key, read(root, key)]),
  ) as unknown as Practice;
  const placeholders = keys.filter((key) => PLACEHOLDER.test(practice[key]));
  return { practice, placeholders };
}
