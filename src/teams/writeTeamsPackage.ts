import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_ZIP_NAME, ZIP_NAME, type TeamsPackage } from './createTeamsPackage';

/** Writes the package's files and its zip into `outDir`, and returns the paths written. */
export function writeTeamsPackage(pkg: TeamsPackage, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  // A zip of the other kind, left by an earlier build, could be uploaded by mistake.
  for (const name of [ZIP_NAME, TEST_ZIP_NAME]) rmSync(path.join(outDir, name), { force: true });
  return [...pkg.files, { name: pkg.zipName, data: pkg.zip }].map(({ name, data }) => {
    const file = path.join(outDir, name);
    writeFileSync(file, data);
    return file;
  });
}
