import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../loadKnowledge';
import { createManifestValidator } from '../teams/createManifestValidator';
import { createTeamsPackage } from '../teams/createTeamsPackage';
import { writeTeamsPackage } from '../teams/writeTeamsPackage';

const USAGE =
  'usage: MicrosoftAppId=<Azure Bot app id> npm run teams:package [-- --out=DIR] [-- --allow-placeholders]';

function readArgs(args: readonly string[]): { outDir: string; allowPlaceholders: boolean } {
  let outDir = 'dist/teams';
  let allowPlaceholders = false;
  for (const arg of args) {
    if (arg === '--allow-placeholders') allowPlaceholders = true;
    else if (arg.startsWith('--out=') && arg.length > '--out='.length) outDir = arg.slice(6);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return { outDir, allowPlaceholders };
}

function main(): void {
  const { outDir, allowPlaceholders } = readArgs(process.argv.slice(2));
  const knowledge = loadKnowledge(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const pkg = createTeamsPackage({
    knowledge,
    appId: process.env.MicrosoftAppId,
    version,
    allowPlaceholders,
    validate: createManifestValidator(),
  });
  const written = writeTeamsPackage(pkg, outDir);
  const lines = [`wrote the Teams app package (manifest ${pkg.manifest.manifestVersion}):`];
  lines.push(...written.map((file) => `  ${file}`));
  if (!pkg.forPublication) {
    lines.push(
      `NOT FOR PUBLICATION: practice.yaml still holds placeholders (${knowledge.placeholders.join(', ')}).`,
      'Upload it only to a test tenant, and never publish it.',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
