import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Entry, Knowledge } from './knowledge';
import { KnowledgeError } from './knowledgeError';
import { loadFaq } from './loadFaq';
import { loadPractice } from './loadPractice';
import { loadClinical, loadNotCovered, loadSynonyms, optionalFile } from './loadMatchingAids';
import { loadRegions } from './loadRegions';
import { loadRiskWords, loadSpelling } from './loadRiskWords';
import { loadSafety } from './loadSafety';
import { normalizeText } from './normalizeText';
import { parseYamlFile, readLines, type YamlFile } from './yamlFile';

function checkCrossReferences(file: YamlFile, entries: readonly Entry[]): void {
  const nodeAt = (path: (string | number)[]) => file.doc.getIn(['entries', ...path], true) as never;
  const fail = (path: (string | number)[], id: string, problem: string): never => {
    throw new KnowledgeError(file.name, file.lineOf(nodeAt(path)), id, problem);
  };
  const ids = new Set<string>();
  const labels = new Map<string, string>();
  const phrasings = new Map<string, string>();
  entries.forEach((entry, i) => {
    if (ids.has(entry.id)) fail([i, 'id'], entry.id, `duplicate id "${entry.id}"`);
    ids.add(entry.id);
    const label = labels.get(entry.label.toLowerCase());
    if (label)
      fail([i, 'label'], entry.id, `label "${entry.label}" is already used by entry "${label}"`);
    labels.set(entry.label.toLowerCase(), entry.id);
    [entry.question, ...entry.alternates].forEach((phrasing, j) => {
      const key = normalizeText(phrasing);
      const owner = phrasings.get(key);
      if (owner && owner !== entry.id) {
        // The alternates' lines are read again only here, for the message.
        const alternate = () => readLines(file, nodeAt([i, 'alternates']))?.[j - 1]?.line ?? 1;
        throw new KnowledgeError(
          file.name,
          j === 0 ? file.lineOf(nodeAt([i, 'question'])) : alternate(),
          entry.id,
          `alternate "${phrasing}" is also under entry "${owner}"`,
        );
      }
      phrasings.set(key, entry.id);
    });
  });
  entries.forEach((entry, i) => {
    entry.followUps.forEach((id, j) => {
      if (!ids.has(id)) fail([i, 'followUps', j], entry.id, `follow-up "${id}" is not an entry id`);
    });
  });
}

/** Loads and validates faq.yaml, practice.yaml and safety.yaml from one folder. */
export function loadKnowledge(dir: string): Knowledge {
  const hash = createHash('sha256');
  const read = (name: string): string => {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new KnowledgeError(
        file,
        1,
        undefined,
        `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    hash.update(name).update('\0').update(text).update('\0');
    return text;
  };
  const open = (name: string): YamlFile => parseYamlFile(path.join(dir, name), read(name));
  const faqFile = open('faq.yaml');
  const entries = loadFaq(faqFile, read);
  checkCrossReferences(faqFile, entries);
  const practiceFile = open('practice.yaml');
  const { practice, placeholders } = loadPractice(practiceFile);
  const safetyFile = open('safety.yaml');
  const regions = loadRegions(safetyFile);
  const { forms, ...rules } = loadSafety(safetyFile);
  const riskFile = optionalFile(path.join(dir, 'risk-words.yaml'))
    ? open('risk-words.yaml')
    : undefined;
  const safety = {
    ...rules,
    ...(riskFile ? { riskWords: loadRiskWords(riskFile) } : {}),
    spelling: {
      ...(riskFile ? loadSpelling(riskFile) : { known: new Set<string>(), risk: [] }),
      forms,
    },
  };
  const resources = regions.get(practice.region);
  if (!resources) {
    throw new KnowledgeError(
      practiceFile.name,
      practiceFile.lineOf(practiceFile.doc.get('region', true) as never),
      undefined,
      `"region" ${practice.region} has no crisis resources in safety.yaml (known: ${[...regions.keys()].join(', ')})`,
    );
  }
  const synonyms = optionalFile(path.join(dir, 'synonyms.yaml'))
    ? loadSynonyms(open('synonyms.yaml'))
    : [];
  const notCovered = optionalFile(path.join(dir, 'not-covered.yaml'))
    ? loadNotCovered(open('not-covered.yaml'))
    : [];
  const clinical = optionalFile(path.join(dir, 'boundaries.yaml'))
    ? loadClinical(open('boundaries.yaml'))
    : [];
  return Object.freeze({
    entries,
    clinical,
    synonyms,
    notCovered,
    byId: new Map(entries.map((e) => [e.id, e])),
    practice,
    resources,
    safety,
    placeholders,
    version: hash.digest('hex').slice(0, 12),
  });
}
