import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import { loadKnowledge } from '../src/loadKnowledge';
import { createManifestValidator } from '../src/teams/createManifestValidator';
import type { TeamsManifest } from '../src/teams/createManifest';
import { TEST_ZIP_NAME, ZIP_NAME } from '../src/teams/createTeamsPackage';
import { TEAMS_COMMANDS } from '../src/teams/teamsCommands';
import { createTurnRunner } from '../src/tools/turnRunner';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const FIXTURE = 'test/fixtures/knowledge-small';
const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'];

/** Runs the built tool as `npm run teams:package` does, with only the settings given. */
function runTool(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['dist/src/tools/teamsPackage.js', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Reads a zip through its central directory, as unzip does, independently of the writer. */
function readZip(zip: Buffer): { name: string; crc: number; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  return Array.from({ length: zip.readUInt16LE(end + 10) }, () => {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + zip.readUInt32LE(at + 20));
    const entry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      crc: zip.readUInt32LE(at + 16),
      data: zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(body) : body,
    };
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    return entry;
  });
}

function pngHeader(png: Buffer): { width: number; height: number; colorType: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png[25] ?? -1 };
}

/** The RGBA pixels of a PNG whose rows all use filter 0, as the package's icons do. */
function pngPixels(png: Buffer, width: number): number[][] {
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') {
      idat.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
    }
  }
  const rows = inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let row = 0; row * (width * 4 + 1) < rows.length; row += 1) {
    const start = row * (width * 4 + 1);
    expect(rows[start]).toBe(0);
    for (let x = 0; x < width; x += 1)
      pixels.push([...rows.subarray(start + 1 + x * 4, start + 5 + x * 4)]);
  }
  return pixels;
}

describe('npm run teams:package', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
  const read = (name: string): Buffer => readFileSync(path.join(outDir, name));
  const manifest = (): TeamsManifest & Record<string, unknown> =>
    JSON.parse(read('manifest.json').toString('utf8'));
  let build: ReturnType<typeof runTool>;

  beforeAll(() => {
    build = runTool({ MicrosoftAppId: APP_ID, KNOWLEDGE_DIR: FIXTURE }, `--out=${outDir}`);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds the manifest, both icons and the zip into the output folder', () => {
    expect(build).toMatchObject({ status: 0, stderr: '' });
    for (const name of [...PACKAGE_FILES, ZIP_NAME]) {
      expect(existsSync(path.join(outDir, name))).toBe(true);
      expect(build.stdout).toContain(path.join(outDir, name));
    }
  });

  it('writes a manifest that the Teams 1.19 schema accepts', () => {
    expect(manifest().manifestVersion).toBe('1.19');
    expect(createManifestValidator()(manifest())).toEqual([]);
  });

  it('offers the bot in personal scope only, so that no colleague sees the questions', () => {
    const { id, bots, staticTabs, configurableTabs, composeExtensions } = manifest();
    expect(id).toBe(APP_ID);
    expect([staticTabs, configurableTabs, composeExtensions]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(bots).toHaveLength(1);
    expect(bots[0]).toMatchObject({
      botId: APP_ID,
      scopes: ['personal'],
      supportsFiles: false,
      isNotificationOnly: false,
      commandLists: [{ scopes: ['personal'] }],
    });
  });

  it("takes the developer's name, website, privacy and terms addresses from practice.yaml", () => {
    const { practice } = loadKnowledge(FIXTURE);
    expect(manifest().developer).toEqual({
      name: practice.practiceName,
      websiteUrl: practice.website,
      privacyUrl: practice.privacyUrl,
      termsOfUseUrl: practice.termsUrl,
    });
  });

  it('zips exactly the three files, which unzip byte-identical to the folder', () => {
    const entries = readZip(read(ZIP_NAME));
    expect(entries.map((e) => e.name).sort()).toEqual([...PACKAGE_FILES].sort());
    for (const entry of entries) {
      expect(entry.data.equals(read(entry.name))).toBe(true);
      expect(entry.crc).toBe(crc32(entry.data));
    }
  });

  it('draws a 192×192 colour icon and a 32×32 outline icon, both RGBA', () => {
    expect(pngHeader(read('color.png'))).toEqual({ width: 192, height: 192, colorType: 6 });
    expect(pngHeader(read('outline.png'))).toEqual({ width: 32, height: 32, colorType: 6 });
  });

  it('draws the outline icon in white on transparency only', () => {
    const pixels = pngPixels(read('outline.png'), 32);
    expect(pixels).toHaveLength(32 * 32);
    const kinds = new Set(pixels.map((p) => (p[3] === 0 ? 'clear' : p.join(','))));
    expect([...kinds].sort()).toEqual(['255,255,255,255', 'clear']);
  });
});

describe('npm run teams:package refuses to build', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'teams-refused-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('while practice.yaml holds the shipped placeholders, naming each field', () => {
    const run = runTool({ MicrosoftAppId: APP_ID }, `--out=${outDir}`);
    expect(run.status).toBe(1);
    const { placeholders } = loadKnowledge('knowledge');
    expect(placeholders).toEqual(expect.arrayContaining(['privacyUrl', 'termsUrl', 'website']));
    for (const field of placeholders) expect(run.stderr).toContain(`practice.yaml "${field}"`);
    expect(existsSync(path.join(outDir, ZIP_NAME))).toBe(false);
  });

  it.each([
    ['missing', {}],
    ['empty', { MicrosoftAppId: '' }],
    ['not a GUID', { MicrosoftAppId: 'group-faq-bot' }],
    ['a GUID with a trailing space', { MicrosoftAppId: `${APP_ID} ` }],
  ])('when MicrosoftAppId is %s, naming the key', (_case, env: Record<string, string>) => {
    const run = runTool({ ...env, KNOWLEDGE_DIR: FIXTURE }, `--out=${outDir}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^ {2}- MicrosoftAppId (is required|must be the Azure Bot's app id)/m,
    );
  });

  it('when the manifest breaks the schema, printing each error with its JSON path', () => {
    const knowledgeDir = path.join(outDir, 'knowledge');
    cpSync(FIXTURE, knowledgeDir, { recursive: true });
    const practiceFile = path.join(knowledgeDir, 'practice.yaml');
    const longName = 'Riverside Counselling and Psychotherapy Partnership';
    writeFileSync(
      practiceFile,
      readFileSync(practiceFile, 'utf8').replace(
        /^practiceName: .*$/m,
        `practiceName: ${longName}`,
      ),
    );
    const run = runTool({ MicrosoftAppId: APP_ID, KNOWLEDGE_DIR: knowledgeDir }, `--out=${outDir}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('manifest.json breaks the Teams 1.19 schema');
    expect(run.stderr).toContain('  - /developer/name must NOT have more than 32 characters');
  });
});

describe('npm run teams:package -- --allow-placeholders', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'teams-test-package-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds a valid package from the shipped placeholders, marked not for publication', () => {
    const run = runTool({ MicrosoftAppId: APP_ID }, `--out=${outDir}`, '--allow-placeholders');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('NOT FOR PUBLICATION');
    expect(existsSync(path.join(outDir, ZIP_NAME))).toBe(false);
    const zipped = readZip(readFileSync(path.join(outDir, TEST_ZIP_NAME)));
    const manifestFile = zipped.find((e) => e.name === 'manifest.json');
    const manifest = JSON.parse(manifestFile?.data.toString('utf8') ?? '') as TeamsManifest;
    expect(manifest.name.short).toBe('Group therapy FAQ (test)');
    expect(manifest.description.short).toMatch(/^NOT FOR PUBLICATION/);
    expect(createManifestValidator()(manifest)).toEqual([]);
  });
});

describe('the manifest validator', () => {
  it('reports each schema error with its JSON path', () => {
    const errors = createManifestValidator()({
      manifestVersion: '1.19',
      version: '1.0.0',
      id: 'not-a-guid',
      packageName: 'com.example.faq',
      bots: [{ botId: APP_ID, scopes: ['everyone'] }],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        '/id must match pattern "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"',
        '/bots/0/scopes/0 must be equal to one of the allowed values: "team", "personal", "groupChat"',
        '(top level) must NOT have additional properties: "packageName"',
        "(top level) must have required property 'developer'",
      ]),
    );
  });
});

describe("the Teams app's command menu", () => {
  const run = createTurnRunner(loadKnowledge('knowledge'));
  const expected: [title: string, outcome: string, entryId: string | undefined][] = [
    ['topics', 'smalltalk', undefined],
    ['how long is each session', 'answer', 'what-is-group'],
    ['is it confidential', 'answer', 'confidentiality'],
    ['do i have to share', 'answer', 'forced-to-share'],
    ['can i leave the group', 'answer', 'leaving'],
    ['do i need individual therapy', 'answer', 'individual-therapy'],
  ];

  it('lists exactly the commands checked below', () => {
    expect(TEAMS_COMMANDS.map((c) => c.title)).toEqual(expected.map(([title]) => title));
  });

  it.each(expected)('gets "%s" answered from the shipped FAQ', async (title, outcome, entryId) => {
    const reply = await run(title, 'msteams');
    expect({ outcome: reply.outcome, entryId: reply.entryId }).toEqual({ outcome, entryId });
  });
});
