import type { Knowledge } from '../knowledge';
import {
  ACCENT_COLOR,
  createManifest,
  ICON_FILES,
  MANIFEST_VERSION,
  type TeamsManifest,
} from './createManifest';
import type { ManifestValidator } from './createManifestValidator';
import { createZip, type ZipFile } from './createZip';
import { drawColorIcon, drawOutlineIcon, initialsOf } from './drawIcons';
import { appIdProblems, placeholderProblems } from './packageProblems';
import { TeamsPackageError } from './teamsPackageError';

export const ZIP_NAME = 'group-faq-teams.zip';
/** A different name, so that a test package cannot be uploaded in place of the real one unnoticed. */
export const TEST_ZIP_NAME = 'group-faq-teams.not-for-publication.zip';

export interface TeamsPackageInput {
  readonly knowledge: Knowledge;
  /** MicrosoftAppId as set, checked here. */
  readonly appId: string | undefined;
  readonly version: string;
  readonly allowPlaceholders: boolean;
  readonly validate: ManifestValidator;
}

export interface TeamsPackage {
  readonly manifest: TeamsManifest;
  /** manifest.json and the two icons, as they go into the zip. */
  readonly files: readonly ZipFile[];
  readonly zipName: string;
  readonly zip: Buffer;
  readonly forPublication: boolean;
}

/** Builds the Teams app package in memory, refusing bad settings and an invalid manifest. */
export function createTeamsPackage(input: TeamsPackageInput): TeamsPackage {
  const { knowledge, appId, version, allowPlaceholders, validate } = input;
  const problems = [
    ...appIdProblems(appId),
    ...(allowPlaceholders ? [] : placeholderProblems(knowledge.placeholders)),
  ];
  if (appId === undefined || problems.length > 0) {
    throw new TeamsPackageError('Cannot build the Teams app package', problems);
  }
  const forPublication = knowledge.placeholders.length === 0;
  const manifest = createManifest({ knowledge, appId, version, forPublication });
  const errors = validate(manifest);
  if (errors.length > 0) {
    throw new TeamsPackageError(
      `manifest.json breaks the Teams ${MANIFEST_VERSION} schema`,
      errors,
    );
  }
  const initials = initialsOf(knowledge.practice.practiceName);
  const files = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: ICON_FILES.color, data: drawColorIcon(initials, ACCENT_COLOR) },
    { name: ICON_FILES.outline, data: drawOutlineIcon(initials) },
  ];
  const zipName = forPublication ? ZIP_NAME : TEST_ZIP_NAME;
  return { manifest, files, zipName, zip: createZip(files), forPublication };
}
