import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadKnowledge } from '../src/loadKnowledge';
import { createSafetyCheck } from '../src/safetyCheck';
import { examplesOf } from '../src/safetyExamples';
import { normalizeForSafety } from '../src/safetyText';

interface Rule {
  kind?: string;
  pattern: string;
  examples?: unknown;
}

const file = parse(readFileSync('knowledge/safety.yaml', 'utf8')) as Record<
  'ignore' | 'crisis' | 'concern',
  Rule[]
>;
const check = createSafetyCheck(loadKnowledge('knowledge').safety);
const examplesOfTier = (rules: Rule[]) =>
  rules.flatMap((rule) =>
    examplesOf(rule.examples).map(
      (example) => [rule.kind ?? 'idiom', example, rule.pattern] as const,
    ),
  );

describe('the safety phrases in knowledge/safety.yaml', () => {
  it('give every rule examples', () => {
    for (const rule of [...file.ignore, ...file.crisis, ...file.concern])
      expect(examplesOf(rule.examples).length).toBeGreaterThan(0);
  });

  it.each(examplesOfTier(file.crisis))(
    'crisis tier (%s): its rule catches "%s"',
    (_kind, example, pattern) => {
      expect(new RegExp(pattern, 'u').test(normalizeForSafety(example))).toBe(true);
      expect(check(example).level).toBe('crisis');
    },
  );

  it.each(examplesOfTier(file.concern))(
    'concern tier (%s): "%s" is answered with a reminder',
    (_kind, example, pattern) => {
      expect(new RegExp(pattern, 'u').test(normalizeForSafety(example))).toBe(true);
      expect(check(example).level).toBe('concern');
    },
  );

  it.each(examplesOfTier(file.ignore))(
    'ignore list (%s): "%s" is no alarm',
    (_kind, example, pattern) => {
      expect(new RegExp(pattern, 'u').test(normalizeForSafety(example))).toBe(true);
      expect(check(example).level).not.toBe('crisis');
    },
  );

  it.each([
    "I don't want to commit to something I can't get out of. If the group isn't for me, what happens?",
    'is it a contract you cant get out of',
    'we walked over the bridge to the park',
    'I walked out of the building and called my mum',
    'stepped off the train and realised I forgot my wallet',
    'I drove over the bridge to get here',
    "I'm stuck in the middle of two friends who aren't speaking",
    'my husband will be out at 4am with the shotgun and the dog for duck season',
    "I'm thinking of cutting my individual sessions down to once a month, is that ok?",
    'been thinking about cutting my therapy appointments to every other week',
    'I broke my duolingo streak lol',
    'back to square one with my essay',
    'how do I hide the burns from cooking on my hands',
    'bye for now, see you at group',
    'divorced last year and dating again, i dont know how to do it lol',
    "She doesn't always recognise me now. It's sad but I've made peace with it mostly.",
    'im 19, is 19 old enough for the group',
    'is 90 minutes enough to get to know people',
    "i'm a firefighter, we had a big house fire last night, everyone got out",
    'the cat got stuck in the drain, fire service came',
    'this true crime podcast is keeping me up at night',
    'we went camping and the tent collapsed on us at midnight',
    "I'm a chef. Burned my arm on the grill today, just a small one",
    'i set the toaster on fire once lol',
    "My kid's hamster bit me. Twice.",
    "the car park at the hospital is a nightmare, I'd rather eat glass",
    'my mum is missing my dad a lot since he died, would a bereavement group help her?',
    'my son has been missing me since i started night shifts',
    "my daughter didn't come home for Christmas and I'm struggling, is there a group for estranged parents?",
    "I can't find my daughter a counsellor who runs groups",
    'i cant find my baby monitor anywhere',
    'we went into the sea every morning on holiday and it really helped my anxiety',
    'my friend is going under anaesthetic tomorrow for surgery',
    'i cant get my kids out of the pool, they love it',
    'im lost in a sea of paperwork for this referral',
    'im stuck in the middle of nowhere for work this week, can i do the session on video',
    'i need a nap that doesnt end with me feeling groggy',
    'the group stopped due to funding cuts and now its back',
    'my legs are killing me in these shoes, i need new ones',
    'would 12 weeks be enough to notice a difference',
    'would 10 sessions be enough for me',
    'i used to self harm but now its back to normal life for me',
  ])('reads an everyday look-alike as no crisis: "%s"', (text) => {
    expect(check(text).level).not.toBe('crisis');
  });

  it.each([
    "i'm locked in and can't get out",
    "he took my keys and I can't get out of the house",
    'i cant get out of here please help',
    "I'm going to step off the roof",
    "I'll walk in front of a bus",
    'i want to drive off a bridge',
    'thinking about jumping off the bridge tonight',
    'he is outside with a shotgun',
    "I'm thinking of cutting my arms again",
    'thinking about cutting tonight',
    'bye world',
    'i swalowed like 30 paracetemol',
    "I've made peace with it, tonight is the night",
    "I've made peace with it now. goodbye",
    "I'll set the kitchen on fire once he's asleep",
    "I'm going to set her hair on fire",
    'i have not decided when i will do it',
    'i have not figured out how ill do it but i will do it this month',
    'I want to push that man off the bridge',
    'i keep picturing pushing this old lady in front of a bus',
    'my boyfriend kicked our dog, choked me and left',
    'my husband, while holding the baby, hit me',
    'my partner screamed at the baby, slapped me and walked out',
    'my dad shuts me up all night in the cellar',
    'he shuts me up at night in the shed',
    "there's a house fire, everyone got out except my dad, he's still inside",
    "house fire next door, nobody hurt yet but it's spreading to our place",
    'im a firefighter and theres a house fire in my own flat right now',
    'my son is trapped in the car engine is smoking',
    'my mum is stuck in the lift service hasnt answered',
    'a kid on the team collapsed during practice',
    'the ceiling collapsed on my son',
    'my nan got up from the sofa collapsed and she is grey',
    'id rather eat glass than be alive another day',
    'i would rather swallow glass tonight and be done with it',
    'i want to set myself on fire lol',
    "i'll set myself alight tonight 😂 no one would care",
    'made peace with it over time and im ready to go now',
    'i have made peace with it eventually this pain will stop',
    'i used to self harm and now the urges are back with a vengeance',
    'i stopped cutting last year but now its back in full force',
    'im having a heart attack at the gym what do i do',
    "I think I'm having a heart attack and I'm worried about my kids",
    'help hes drowning in the river',
    'shes drowning i cant reach her',
    'my sons drowning in the lake',
    'theyre being swept away by the current',
    'been cutting my arms again 😂',
    'i used to cut and now its back',
    'i know how to do it now and when',
    'is 40 of my sleeping pills enough',
    'my flat is on fire and I am trapped',
    'he keeps me locked in the house',
    'my dad collapsed and is not breathing',
    "I'm going to kill him tonight, I mean it",
    "I'm going to push him off the balcony",
    'I burned my arm with a lighter again',
    "I'm going to set his car on fire tonight",
    'my boyfriend bit me and choked me',
    "I'm going to kill myself 😂 no joke",
  ])('still reads the risk beside them as a crisis: "%s"', (text) => {
    expect(check(text).level).toBe('crisis');
  });

  it("never raises an alarm on the FAQ's own words, its alternates or the not-covered questions", () => {
    const { entries, notCovered } = loadKnowledge('knowledge');
    const sentences = entries.flatMap((e) => [
      e.question,
      e.label,
      ...e.alternates,
      ...e.answer.split(/(?<=[.!?])\s+/),
    ]);
    const alarms = [...sentences, ...notCovered].filter((text) => check(text).level === 'crisis');
    expect(alarms).toEqual([]);
  });
});

describe('the edges of the safety phrases (test/fixtures/safety-edges.yaml)', () => {
  const edges = parse(readFileSync('test/fixtures/safety-edges.yaml', 'utf8')) as Record<
    'atRisk' | 'ordinary',
    string[]
  >;

  it.each(edges.atRisk)('read risk told beside an exclusion\'s words as a crisis: "%s"', (text) => {
    expect(check(text).level).toBe('crisis');
  });

  it.each(edges.ordinary)('leave the look-alike an exclusion is for: "%s"', (text) => {
    expect(check(text).level).not.toBe('crisis');
  });
});
