/**
 * The front of a card in study mode: its title, exactly as written (titles the scrape cut short, like
 * "How did Stalin establish control over the Soviet U", stay as they are), or, for an untitled card, a
 * question made from its first fact that never gives the whole card away:
 *
 * 1. a sub-heading that opens the card is already a front ("Were the purges planned?");
 * 2. "Historians talk about Stalin's Russia being a totalitarian state…" → "What do historians say about
 *    Stalin's Russia?" (who + a reporting verb + the topic, cut before its verb or clause);
 * 3. "Osmosis is the diffusion of water…" → "What is osmosis?"; "Nucleus - contains…" → "Nucleus: what is it?";
 * 4. otherwise the first clause, at most 8 words and never the whole fact: "Card 3: Millions were either
 *    deprived of Party membership…?".
 */
import { containsPhrase } from './answer-text.js';
import { cardFacts, type Fact, type StudyCard } from './card-text.js';
import { wordCount } from './sentences.js';

const REPORTING =
  /^((?:(?:some|many|most|other|several|a few|marxist|revisionist|soviet|western|modern|recent)\s+)?(?:historians|scientists|critics|economists|marxists|revisionists|experts|commentators|writers|scholars|biologists|chemists|physicists|researchers|sources))\s+(talk about|talk of|write about|argue(?: that)?|say(?: that)?|believe(?: that)?|claim(?: that)?|suggest(?: that)?|think(?: that)?|describe|agree(?: that)?|disagree(?: about| over)?|debate(?: whether)?|see)\s+(\S.*)$/i;

const VERB_OF: Readonly<Record<string, string>> = {
  argue: 'argue',
  believe: 'believe',
  claim: 'claim',
  suggest: 'suggest',
  think: 'think',
  agree: 'agree',
  disagree: 'disagree',
  debate: 'debate',
};

const TOPIC_END =
  /\s(?:being|was|were|is|are|had|has|have|as|that|where|which|who|did|does|could|would|should|might|may|must|will|can|to|because|when|while)\s|[,;:.!?(]|\s[-–—]\s/i;
// After a space, at the very end (a lookbehind, not `\s+`: no rescanning of a run of spaces).
const DANGLING_WORDS =
  /(?<=\s)(?:the|a|an|of|and|or|to|in|on|at|by|for|with|from|that|which|who|was|were|is|are|be|being|his|her|their|its)$/i;

const DEFINITION_DASH = /^(\p{L}[\p{L}'’ -]{1,40}?)\s+[-–—:]\s+\S/u;
const DEFINITION_IS = /^(\p{L}[\p{L}'’ -]{1,40}?)\s+(is|are)\s+(?:the|a|an)\s+\S/iu;
const NOT_A_TERM =
  /^(?:the|this|that|these|those|it|there|here|one|some|many|most|all|each|every|no|he|she|they|we|you|i)\b/i;

function trimDangling(text: string): string {
  let current = text.trim();
  for (let previous = ''; previous !== current;) {
    previous = current;
    current = current.replace(DANGLING_WORDS, '').trim();
  }
  return current;
}

function firstWords(text: string, count: number): string {
  return text.split(/\s+/).slice(0, count).join(' ');
}

function reportingPrompt(text: string): string | null {
  const m = REPORTING.exec(text);
  if (m === null) return null;
  const who = m[1]!.toLowerCase();
  const verbWord = m[2]!.toLowerCase().split(' ')[0]!;
  const verb = VERB_OF[verbWord] ?? 'say';
  const rest = m[3]!;
  const cut = TOPIC_END.exec(rest);
  const topic = trimDangling(firstWords(cut === null ? rest : rest.slice(0, cut.index), 6));
  if (wordCount(topic) === 0 || topic.length >= rest.length) return null;
  return `What do ${who} ${verb} about ${topic}?`;
}

function definitionPrompt(text: string): string | null {
  const is = DEFINITION_IS.exec(text);
  if (is !== null && !NOT_A_TERM.test(is[1]!) && wordCount(is[1]!) <= 4) {
    return `What ${is[2]!.toLowerCase()} ${is[1]!.toLowerCase()}?`;
  }
  const dash = DEFINITION_DASH.exec(text);
  if (dash !== null && !NOT_A_TERM.test(dash[1]!) && wordCount(dash[1]!) <= 4) {
    return `${dash[1]!.trim()}: what is it?`;
  }
  return null;
}

function clausePrompt(text: string, position: number): string {
  const cut = /[,;:.!?(]|\s[-–—]\s/.exec(text);
  let clause = cut === null ? text : text.slice(0, cut.index);
  const words = clause.split(/\s+/);
  const total = wordCount(text);
  let keep = Math.min(8, words.length);
  // Never the whole fact: at most half of a short one.
  if (keep >= total) keep = Math.max(1, Math.ceil(total / 2));
  let shown = words.slice(0, keep);
  clause = trimDangling(shown.join(' ')) || shown.join(' ');
  // Articles and punctuation do not count as words: "Kirov the" is given away by "Kirov".
  while (containsPhrase(clause, text) && shown.length > 0) {
    shown = shown.slice(0, -1);
    clause = trimDangling(shown.join(' ')) || shown.join(' ');
  }
  return clause === '' ? `Card ${position}: …?` : `Card ${position}: ${clause}…?`;
}

export function promptFromFacts(facts: readonly Fact[], position: number): string {
  const first = facts[0];
  if (first === undefined) return `Card ${position}`;
  if (first.kind === 'heading' && facts.length > 1) return first.text;
  const fact = facts.find((f) => f.kind !== 'heading') ?? first;
  return reportingPrompt(fact.text) ?? definitionPrompt(fact.text) ?? clausePrompt(fact.text, position);
}

export function cardPrompt(card: StudyCard, facts: readonly Fact[] = cardFacts(card)): string {
  const title = card.title?.trim() ?? '';
  return title !== '' ? title : promptFromFacts(facts, card.position);
}
