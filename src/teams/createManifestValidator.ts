import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import teamsSchema from './MicrosoftTeams.schema.v1.19.json';

/** Checks a manifest against Microsoft's schema and returns one line per error, path first. */
export type ManifestValidator = (manifest: unknown) => string[];

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top level)' : error.instancePath;
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  const detail = params.additionalProperty
    ? `: "${params.additionalProperty}"`
    : params.allowedValues
      ? `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
      : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

export function createManifestValidator(): ManifestValidator {
  // The schema declares draft-04, which ajv 8 does not ship, but it already uses draft-06's
  // `const`; none of its keywords changed meaning by draft-07, ajv's default, so read it as that.
  const schema: Record<string, unknown> = { ...teamsSchema };
  delete schema.$schema;
  // Strict mode would log (through console) the upstream schema's harmless oddities, such as
  // additionalProperties on an array; they change nothing about what validates.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (manifest) => (validate(manifest) ? [] : (validate.errors ?? []).map(describe));
}
