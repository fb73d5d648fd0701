import { normalizeText } from './normalizeText';

export type SmallTalkKind = 'greeting' | 'thanks' | 'goodbye' | 'identity' | 'help';

const PATTERNS: readonly [SmallTalkKind, RegExp][] = [
  [
    'help',
    /^(help|help me|menu|main menu|topics|options|start|get started|faq|what can (you|u) (do|answer|help with|tell me)|what (kind of |sort of |type of )?(questions|things|stuff) can i ask( you)?( about)?|what can i ask( you)?( about)?|what (do|can) you know( about)?|what do you do|list( of)? topics|show (me )?(the )?(menu|topics|options|questions)|what (questions|topics) can you answer|what (topics )?do you cover)$/,
  ],
  [
    'identity',
    /^((are|r) (you|u) (a |an )?(real|human|person|bot|robot|ai|computer|machine|automated|live|chatbot|therapist)( person| human| bot)?|who (are|r) (you|u)|what are (you|u)|who am i (talking|speaking|chatting) (to|with)|is this (a |an )?(bot|real person|human|robot|ai|chatbot|automated)|am i (talking|speaking|chatting) (to|with) (a |an )?(bot|person|human|real person|robot|ai)|is (this|anyone) (real|human|there))$/,
  ],
  [
    'greeting',
    /^((hi+|hello+|hey+|hiya|howdy|yo|hola|greetings|good (morning|afternoon|evening|day))( there| all| everyone| bot| again| friend)*( how are (you|u)( doing| today)*| how is it going| hows it going| hope you are well)?)$/,
  ],
  [
    'thanks',
    /^((ok |okay |great |perfect |awesome )?(thanks|thank (you|u)|thx|ty|tysm|cheers|many thanks|much appreciated|appreciate it|that helps|that helped|that was helpful|very helpful|helpful)( (so|very) much| a lot| again| for (the|your) help| for that| for (the|your) answer)*( that (helped|helps|was helpful|is helpful)| very helpful| (that is )?(great|perfect|awesome))?)$/,
  ],
  [
    'goodbye',
    /^((ok |okay |thanks |thank you )?(bye+|goodbye|bye bye|see (you|ya)|later|good night|cya|take care|that is all|no more questions|all good)( for now| now| then| thanks| thank you)*)$/,
  ],
];

/** Recognises a message that is only a greeting, thanks, goodbye, a question about the bot, or a call for help. */
export function detectSmallTalk(text: string): SmallTalkKind | undefined {
  const normalized = normalizeText(text);
  if (normalized.length > 80) return undefined;
  return PATTERNS.find(([, pattern]) => pattern.test(normalized))?.[0];
}
