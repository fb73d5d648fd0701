import type { RegionResources } from './knowledge';
import { KnowledgeError } from './knowledgeError';
import { isTextList, type YamlFile } from './yamlFile';

/** Reads the crisis resources of each region from safety.yaml. */
export function loadRegions(file: YamlFile): ReadonlyMap<string, RegionResources> {
  const regions = (file.doc.toJS() as { regions?: unknown } | null)?.regions;
  const fail = (problem: string, path: string[] = ['regions']): never => {
    const node = file.doc.getIn(path, true) as Parameters<YamlFile['lineOf']>[0];
    throw new KnowledgeError(file.name, file.lineOf(node), undefined, problem);
  };
  if (typeof regions !== 'object' || regions === null)
    return fail('"regions" must be a mapping of region codes');
  const result = new Map<string, RegionResources>();
  for (const [code, raw] of Object.entries(regions as Record<string, unknown>)) {
    const r = raw as Partial<Record<keyof RegionResources, unknown>> | null;
    for (const key of ['name', 'emergency', 'crisisReply', 'reminder'] as const) {
      if (typeof r?.[key] !== 'string' || r[key].trim() === '') {
        fail(`region ${code} needs "${key}" as text`, ['regions', code]);
      }
    }
    if (!isTextList(r?.crisisLines) || r.crisisLines.length === 0)
      fail(`region ${code} needs "crisisLines" as a list of texts`, ['regions', code]);
    result.set(code, r as RegionResources);
  }
  return result;
}
