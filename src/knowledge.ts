import type { SafetyRules } from './safetyCheck';

export interface Entry {
  readonly id: string;
  readonly question: string;
  /** Button text, at most 20 characters, so that every channel can show it as a button. */
  readonly label: string;
  readonly alternates: readonly string[];
  /** The vetted answer, word for word from the source document. */
  readonly answer: string;
  readonly followUps: readonly string[];
}

export interface Practice {
  readonly practiceName: string;
  readonly therapistName: string;
  readonly phone: string;
  readonly email: string;
  readonly website: string;
  readonly privacyUrl: string;
  readonly termsUrl: string;
  readonly region: string;
}

export interface RegionResources {
  readonly name: string;
  /** Call this number in immediate danger. */
  readonly emergency: string;
  /** One line per crisis service, as it should be shown to a person. */
  readonly crisisLines: readonly string[];
  /** The crisis reply, with {therapistName} and {phone} filled in from practice.yaml. */
  readonly crisisReply: string;
  /** The short reminder carried by every reply after a crisis reply. */
  readonly reminder: string;
}

export interface Knowledge {
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  readonly practice: Practice;
  readonly resources: RegionResources;
  readonly safety: SafetyRules;
  /** Groups of words that mean the same thing to matching. */
  readonly synonyms: readonly (readonly string[])[];
  /** Patterns of requests for clinical advice, which get the clinical-boundary reply. */
  readonly clinical: readonly RegExp[];
  /** Questions the FAQ does not answer, so that they get the fallback. */
  readonly notCovered: readonly string[];
  /** Fields of practice.yaml still holding shipped placeholders. */
  readonly placeholders: readonly string[];
  /** A short hash of every knowledge file, so that a deployment can tell which version is live. */
  readonly version: string;
}
