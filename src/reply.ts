import type { Decision } from './decide';
import type { Risk } from './safetyCheck';

export type Outcome =
  | 'answer'
  | 'clarify'
  | 'fallback'
  | 'smalltalk'
  | 'welcome'
  | 'choice-none'
  | 'crisis'
  | 'clinical';

export interface Choice {
  /** An entry id, or NONE_OF_THESE. */
  readonly value: string;
  readonly label: string;
}

export const NONE_OF_THESE = 'none';

/** What the bot says in one turn, before it is rendered for a channel. */
export interface Reply {
  readonly outcome: Outcome;
  readonly entryId?: string;
  readonly score?: number;
  /** Each becomes its own message; answers are Markdown. */
  readonly messages: readonly string[];
  /** Shown with the choices, when there are any. */
  readonly prompt?: string;
  readonly choices: readonly Choice[];
  /** How the reply was decided, for the turn log and the maintainer's tools. */
  readonly decision?: Decision;
  /** What the safety check found, when it found anything. */
  readonly risk?: Risk;
}
