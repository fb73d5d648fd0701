import type { Knowledge } from '../knowledge';
import { TEAMS_COMMANDS } from './teamsCommands';

export const MANIFEST_VERSION = '1.19';
export const ACCENT_COLOR = '#2F6F73';
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

/** The parts of a Teams app manifest (schema 1.19) that this app uses. */
export interface TeamsManifest {
  readonly $schema: string;
  readonly manifestVersion: string;
  readonly version: string;
  readonly id: string;
  readonly developer: {
    readonly name: string;
    readonly websiteUrl: string;
    readonly privacyUrl: string;
    readonly termsOfUseUrl: string;
  };
  readonly name: { readonly short: string; readonly full: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly icons: typeof ICON_FILES;
  readonly accentColor: string;
  readonly bots: readonly {
    readonly botId: string;
    readonly scopes: readonly string[];
    readonly supportsFiles: boolean;
    readonly isNotificationOnly: boolean;
    readonly commandLists: readonly {
      readonly scopes: readonly string[];
      readonly commands: typeof TEAMS_COMMANDS;
    }[];
  }[];
  readonly validDomains: readonly string[];
}

export interface ManifestInput {
  readonly knowledge: Knowledge;
  /** The Azure Bot's app id, also the app's id, as Teams asks of apps with a registered bot. */
  readonly appId: string;
  readonly version: string;
  /** False marks every name and description as a test build with placeholder details. */
  readonly forPublication: boolean;
}

const TEST_MARK = 'NOT FOR PUBLICATION: a test build with placeholder practice details.';

function describeApp({ practice, resources }: Knowledge): string {
  return [
    `Questions about joining one of ${practice.practiceName}'s interpersonal therapy groups,`,
    `answered with ${practice.therapistName}'s own FAQ, word for word: what a group is, how it`,
    'works, how long sessions are, confidentiality, leaving, and more. The bot never makes up an',
    'answer and cannot give clinical advice. It works only in a one-to-one chat, so nobody else',
    'in your organisation sees your questions, and nothing you type is kept after the',
    `conversation. ${resources.reminder}`,
  ].join(' ');
}

function namesAndDescriptions(knowledge: Knowledge, forPublication: boolean) {
  const fullName = `${knowledge.practice.practiceName} group therapy FAQ`;
  if (!forPublication) {
    return {
      name: { short: 'Group therapy FAQ (test)', full: `${fullName} (test, not for publication)` },
      description: { short: TEST_MARK, full: `${TEST_MARK} ${describeApp(knowledge)}` },
    };
  }
  return {
    name: { short: 'Group therapy FAQ', full: fullName },
    description: {
      short: 'Answers to common questions about joining an interpersonal therapy group.',
      full: describeApp(knowledge),
    },
  };
}

function personalBot(appId: string): TeamsManifest['bots'][number] {
  return {
    botId: appId,
    // Personal only: in a team or group chat, colleagues would see a prospective member's
    // questions about joining therapy.
    scopes: ['personal'],
    supportsFiles: false,
    isNotificationOnly: false,
    commandLists: [{ scopes: ['personal'], commands: TEAMS_COMMANDS }],
  };
}

export function createManifest(input: ManifestInput): TeamsManifest {
  const { knowledge, appId, version, forPublication } = input;
  const { practice } = knowledge;
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version,
    id: appId,
    developer: {
      name: practice.practiceName,
      websiteUrl: practice.website,
      privacyUrl: practice.privacyUrl,
      termsOfUseUrl: practice.termsUrl,
    },
    ...namesAndDescriptions(knowledge, forPublication),
    icons: ICON_FILES,
    accentColor: ACCENT_COLOR,
    bots: [personalBot(appId)],
    // A bot without tabs or sign-in loads nothing inside Teams; its links open in the browser.
    validDomains: [],
  };
}
