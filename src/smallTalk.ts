import { normalizeText } from './normalizeText';

export type SmallTalkKind =
  'greeting' | 'thanks' | 'goodbye' | 'identity' | 'help' | 'acknowledgement';

const YOU = '(you|u|ya)';

/** One way of saying goodbye; a goodbye may string several together. */
const FAREWELL = `(bye+|goodbye|bye bye|see ${YOU}( later| soon| around)?|later|good night|night night|nite nite|cya|take care|that is all|thats all|no more questions|all good|have a (good|nice|great|lovely|wonderful|good rest of (your|the)|nice rest of (your|the)) (day|night|evening|one|weekend|afternoon|morning|week)|(talk|speak|chat) (to ${YOU} |with ${YOU} )?(later|soon|tomorrow)|ttyl)`;

/** Putting the decision off: "think about it", "sleep on it". */
const THINK_IT_OVER =
  '(think (about it|it over)|have a think|consider it|mull it over|sleep on it)';

/** Thanks that ends by putting the decision off: "thanks, I'll think about it". */
const LATER = `( (i will|i need to|i want to|i would like to|let me) ${THINK_IT_OVER})?`;

const PATTERNS: readonly [SmallTalkKind, RegExp][] = [
  [
    'help',
    /^(help|help me|menu|main menu|topics|options|start|get started|faq|what can (you|u) (do|answer|help with|tell me)|what (kind of |sort of |type of )?(questions|things|stuff) can i ask( you)?( about)?|what can i ask( you)?( about)?|what (do|can) you know( about)?|what do you do|list( of)? topics|show (me )?(the )?(menu|topics|options|questions)|what (questions|topics) can you answer|what (topics )?do you cover)$/,
  ],
  [
    'identity',
    new RegExp(
      `^((are|r) ${YOU} (a |an )?(real|human|person|bot|robot|ai|computer|machine|automated|live|chatbot|therapist|chatgpt|gpt|siri|alexa)( person| human| bot)?( or (a |an )?(bot|real person|person|human|robot|ai|chatbot|machine|computer|automated|real))?|who (are|r) ${YOU}|what are ${YOU}|who am i (talking|speaking|chatting) (to|with)|is this (a |an )?(bot|real person|person|human|robot|ai|chatbot|automated|chatgpt)( or (a |an )?(bot|real person|person|human|robot|ai|chatbot|machine|automated))?|am i (talking|speaking|chatting) (to|with) (a |an )?(bot|person|human|real person|robot|ai|machine)|is (this|anyone) (real|human|there)|(what is|whats|what) (is )?(your|ur) name|do ${YOU} have a name|(who|what company) (made|built|created|programmed|wrote|designed|makes|runs) ${YOU}|who is behind ${YOU}|what (kind|sort|type) of (bot|ai|chatbot) (are ${YOU}|is this))$`,
    ),
  ],
  [
    'greeting',
    new RegExp(
      `^((hi+|hello+|hey+|hiya|howdy|yo|hola|greetings|good (morning|afternoon|evening|day))( there| all| everyone| bot| again| friend)*( how (are|r) ${YOU}( doing| today)*| how is it going| hows it going| how it going| how ${YOU} doing| whats up|( i)? hope ${YOU} are( doing)? (well|ok|okay|good|great))?|how (are|r) ${YOU}( doing| today)*|how ${YOU} doing|how is it going|hows it going|how it going|how (your|ur) day( going)?|whats up|what up|wassup|sup|nice to meet ${YOU})$`,
    ),
  ],
  [
    'thanks',
    new RegExp(
      `^((ok |okay |great |perfect |awesome |cool |nice |brilliant |lovely |wonderful |amazing )?(thanks|thank ${YOU}|thankyou|thx|thnx|thanx|tnx|ty|tysm|cheers|many thanks|much appreciated|(i )?(really |truly |do )?appreciate (it|that|this|you|(the|your) (help|info|information|answer|answers|reply))|that helps|that helped|(that|thats|this is|its|it is|it was) (is |was )?(really |so |very |super )?(helpful|useful)|very helpful|helpful|${YOU} (have been|been|were|are) (really |so |very |super )?(helpful|kind|lovely|brilliant|amazing|great|a (great |big |real )?help|a star))( (so|very) much| a lot| again| mate| thanks| thank you| for (the|your|all the|this) (help|info|information|answer|answers|reply|explanation|answering)| for that| for answering| (i )?(really )?appreciate (it|that|(the|your) (help|info|information|answer|answers)))*( that (helped|helps|was (really |so |very |super )?helpful|is (really |so |very |super )?helpful|makes sense)| (really |so |very |super )?helpful| (that is |that was |thats |that |its |this is )?(really |so |very |super )?(great|perfect|awesome|helpful|useful))?${LATER})$`,
    ),
  ],
  [
    'goodbye',
    new RegExp(
      `^((ok |okay |alright |right |cool |great |perfect |awesome |nice |thanks |thank ${YOU} |thx |ty |cheers )*${FAREWELL}( for now| now| then| thanks| thank ${YOU}| again| (and )?${FAREWELL})*)$`,
    ),
  ],
  [
    'acknowledgement',
    new RegExp(
      `^((ok|okay|k|kk|ok ok|okie|oki|alright|all right|right|sure|cool|nice|great|good|perfect|awesome|fine|got it|gotcha|i see|understood|makes sense|that makes sense|sounds good|fair enough|noted|interesting|wow|lol|lmao|haha+|hah|hmm+|mm+|ah|oh|oh ok|oh okay|ah ok|ah okay|yes|yeah|yep|yup|no|nope|nah|never mind|nevermind|no worries|no problem)( (ok|okay|cool|nice|great|good|got it|thanks|then|i see|makes sense|sounds good|lol|haha))*|((hmm+|ok|okay|alright|right) )?(let me think( about it| it over)?|(ill|i will|i need to|i want to|id like to) ${THINK_IT_OVER}|let me (have a think|mull it over|sleep on it)|maybe later)( (first|then|thanks|thank you))?)$`,
    ),
  ],
];

/** Emoji that only greet, thank or nod along. */
const FRIENDLY_EMOJI = new Map<string, SmallTalkKind>([
  ['\u{1F44B}', 'greeting'],
  ['\u{1F64F}', 'thanks'],
  ...[
    '\u{1F44D}',
    '\u{1F44C}',
    '\u{1F642}',
    '\u{1F60A}',
    '\u{263A}',
    '\u{2705}',
    '\u{1F44F}',
    '\u{1F600}',
    '\u{1F603}',
    '\u{1F604}',
    '\u{1F601}',
    '\u{2764}',
  ].map((emoji): [string, SmallTalkKind] => [emoji, 'acknowledgement']),
]);

/** A message of friendly emoji only, such as a thumbs-up; any other emoji is read as a question. */
function emojiSmallTalk(text: string): SmallTalkKind | undefined {
  // Spaces, variation selectors, joiners and skin tones change no emoji's meaning here.
  const emoji = text.replace(/\s|\u{FE0F}|\u{200D}|\p{Emoji_Modifier}/gu, '');
  if (emoji === '' || emoji.length > 24) return undefined;
  const kinds = [...emoji].map((char) => FRIENDLY_EMOJI.get(char));
  if (kinds.some((kind) => kind === undefined)) return undefined;
  return kinds[0];
}

/** Recognises a message that is only a greeting, thanks, goodbye, a question about the bot, a call for help or a plain "ok". */
export function detectSmallTalk(text: string): SmallTalkKind | undefined {
  const emoji = emojiSmallTalk(text);
  if (emoji) return emoji;
  const normalized = normalizeText(text);
  if (normalized.length > 80) return undefined;
  return PATTERNS.find(([, pattern]) => pattern.test(normalized))?.[0];
}
