import type { OperationProse, ParamProse, Stated, StateRule } from './doc-model.js';

/** The prose parts of a saved page, as lines. */
export interface PageText {
  /** The "Operation description" section. */
  readonly description: readonly string[];
  /** The "QPS limit" section. */
  readonly qps: readonly string[];
  /** Each named request parameter's description and notes. */
  readonly paramNotes: Readonly<Record<string, readonly string[]>>;
  /** An array parameter's item row notes (the pages repeat the array's notes there). */
  readonly itemNotes: Readonly<Record<string, readonly string[]>>;
}

/**
 * Reads the rules a page states in sentences: numeric limits and defaults in a parameter's notes,
 * SourceUrls counts and protocols per SourceType, the time window, the QPS limit, the state
 * bullets of the description and each parameter's "takes effect" note. A sentence that speaks
 * of taking effect in words this reader does not know yields the token `unread`, so a rewording
 * is reported rather than missed; what the page shows without a rule read from it is kept as
 * the page's coverage, so a dropped or reworded rule is reported too.
 */
export function readPageProse(page: PageText): OperationProse {
  const qps = sentences(page.qps)
    .map((sentence) => ({ sentence, match: /(\S+) (?:times|calls|requests) per second/i.exec(sentence) }))
    .find(({ match }) => match?.[1] !== undefined && numberOf(match[1]) !== undefined);
  const qpsLimit = qps?.match?.[1] === undefined ? undefined : numberOf(qps.match[1]);
  const bullets = page.description.flatMap((line) => {
    const text = bulletText(line);
    return text === undefined ? [] : [{ text, rule: stateRule(text) }];
  });
  const unreadQps = sentences(page.qps).join(' ');
  return {
    ...(qpsLimit === undefined || qps === undefined ? {} : { qpsLimit: { value: qpsLimit, sentence: qps.sentence } }),
    stateRules: bullets.flatMap(({ rule }) => (rule === undefined ? [] : [rule])),
    params: readEach(page.paramNotes),
    page: {
      described: Object.keys(page.paramNotes),
      itemParams: readEach(page.itemNotes),
      otherBullets: bullets.flatMap(({ text, rule }) => (rule === undefined ? [text] : [])),
      ...(qpsLimit === undefined && unreadQps !== '' ? { unreadQps } : {}),
    },
  };
}

function readEach(notes: Readonly<Record<string, readonly string[]>>): Record<string, ParamProse> {
  const params: Record<string, ParamProse> = {};
  for (const [name, lines] of Object.entries(notes)) {
    const prose = readParamProse(lines);
    if (Object.keys(prose).length > 0) params[name] = prose;
  }
  return params;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

/** `2,000`, `30`, `seven` → a number; undefined for anything else. */
export function numberOf(word: string): number | undefined {
  const text = word.toLowerCase().replace(/[.,;:]+$/, '');
  if (/^-?\d{1,3}(?:,\d{3})+$|^-?\d+$/.test(text)) return Number(text.replaceAll(',', ''));
  return NUMBER_WORDS[text];
}

const BULLET = /^\s*•\s*(.+)$/;
const bulletText = (line: string): string | undefined => BULLET.exec(line)?.[1]?.trim();

/** The lines as sentences: bullets and paragraphs split at full stops followed by a capital. */
function sentences(lines: readonly string[]): string[] {
  return lines
    .map((line) => (bulletText(line) ?? line).trim())
    .filter((line) => line !== '' && line !== 'Note')
    .flatMap((line) => line.split(/(?<=\.)\s+(?=[A-Z])/))
    .map((sentence) => sentence.replace(/^Note\s+/, '').trim());
}

const SOURCE_TYPES = /If SourceType is set to (\w+)(?: or (\w+))?, /i;

function readParamProse(lines: readonly string[]): ParamProse {
  const found: {
    maxLength?: Stated<number>;
    minimum?: Stated<number>;
    default?: Stated<number | string>;
    maxTaskDays?: Stated<number>;
    maxItemsBySourceType?: Record<string, Stated<number>>;
    protocolsBySourceType?: Record<string, Stated<readonly string[]>>;
  } = {};
  const effects = new Set<string>();
  const effectSentences: string[] = [];
  for (const sentence of sentences(lines)) {
    const length = /up to (\S+) characters/i.exec(sentence)?.[1];
    if (length !== undefined && numberOf(length) !== undefined) {
      found.maxLength = { value: numberOf(length) ?? 0, sentence };
    }
    const days = /cannot exceed (\S+) days?/i.exec(sentence)?.[1];
    if (days !== undefined && numberOf(days) !== undefined)
      found.maxTaskDays = { value: numberOf(days) ?? 0, sentence };
    const types = SOURCE_TYPES.exec(sentence);
    if (types !== null) {
      const named = [types[1], types[2]].filter((t): t is string => t !== undefined).map((t) => t.toLowerCase());
      const count = /you can specify (?:only (\S+)|up to (\S+))/i.exec(sentence);
      const countWord = count?.[1] ?? count?.[2];
      if (countWord !== undefined && numberOf(countWord) !== undefined) {
        found.maxItemsBySourceType ??= {};
        for (const type of named) found.maxItemsBySourceType[type] = { value: numberOf(countWord) ?? 0, sentence };
      }
      const protocols = /supported protocols for URLs are (.+?)\.?$/i.exec(sentence)?.[1];
      if (protocols !== undefined) {
        found.protocolsBySourceType ??= {};
        for (const type of named) found.protocolsBySourceType[type] = { value: protocolList(protocols), sentence };
      }
    }
    if (/Valid values: positive/i.test(sentence)) found.minimum = { value: 1, sentence };
    else if (/Valid values: non-negative|\b0-based\b|zero-based/i.test(sentence))
      found.minimum = { value: 0, sentence };
    // A default that is not a number (a URL, a word) is kept as written, so a new one is seen.
    const fallback = /Default value: (.+?)\.?$/i.exec(sentence)?.[1]?.trim();
    if (fallback !== undefined) found.default = { value: numberOf(fallback) ?? fallback, sentence };
    const tokens = effectTokens(sentence);
    if (tokens.length > 0) {
      for (const token of tokens) effects.add(token);
      effectSentences.push(sentence);
    }
  }
  Object.assign(found, listedValues(lines));
  return {
    ...found,
    ...(effects.size === 0 ? {} : { effect: { value: [...effects].sort(), sentence: effectSentences.join(' ') } }),
  };
}

/**
 * A "Valid values:" list of bullets (`0 (default): …`, `-1: …`, `Positive integer: …`): its least
 * value is the minimum and a value marked `(default)` the default.
 */
function listedValues(lines: readonly string[]): { minimum?: Stated<number>; default?: Stated<number> } {
  const start = lines.findIndex((line) => /Valid values:\s*$/i.test(line.trim()));
  if (start < 0) return {};
  const values: { value: number; sentence: string; isDefault: boolean }[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') continue;
    const text = bulletText(line);
    if (text === undefined) break;
    const number = /^(-?\d+)\b/.exec(text)?.[1];
    if (number !== undefined)
      values.push({ value: Number(number), sentence: text, isDefault: /\(default\)/i.test(text) });
    else if (/^Positive integer/i.test(text)) values.push({ value: 1, sentence: text, isDefault: false });
  }
  if (values.length === 0) return {};
  const least = values.reduce((a, b) => (b.value < a.value ? b : a));
  const marked = values.find((v) => v.isDefault);
  return {
    minimum: { value: least.value, sentence: least.sentence },
    ...(marked === undefined ? {} : { default: { value: marked.value, sentence: marked.sentence } }),
  };
}

/** `Real-Time Messaging Protocol (RTMP), …, and HTTP-FLV` → `['rtmp', …, 'http-flv']`. */
function protocolList(text: string): string[] {
  return text
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((item) => (/\(([^)]+)\)/.exec(item)?.[1] ?? item).trim().toLowerCase())
    .filter((item) => item !== '');
}

/** The phrases the pages use for when a change takes effect, as tokens. */
const EFFECT_PHRASES: readonly (readonly [RegExp, string])[] = [
  [/only if the task is stopped/i, 'only-when-stopped'],
  [/has already started, the update does not take effect/i, 'no-effect-after-start'],
  [/has ended, the update does not take effect/i, 'no-effect-after-end'],
  [/(?:takes?|take) effect immediately/i, 'immediately'],
  [/after (?:you restart the task|the task is restarted)|when the task is restarted/i, 'next-restart'],
  [/subsequent events|the next event/i, 'next-event'],
  [/until the playback of the current video ends/i, 'after-current-video'],
  [/only for the first video/i, 'first-video-only'],
];

/** Effect tokens of one sentence; `unread` when it speaks of taking effect in other words. */
export function effectTokens(sentence: string): string[] {
  // "After the update takes effect, the list plays from the beginning" says what happens, not when.
  if (/^After the update takes effect/i.test(sentence)) return [];
  const tokens = EFFECT_PHRASES.filter(([phrase]) => phrase.test(sentence)).map(([, token]) => token);
  if (tokens.length === 0 && /take[s]? effect|can (?:only )?modify|can be modified/i.test(sentence)) return ['unread'];
  return tokens;
}

const PHASES: readonly (readonly [RegExp, string])[] = [
  [/start time of a task has not been reached|before (?:a|the) task starts/i, 'not-started'],
  [/(?:If|while) (?:a|the) task (?:is running|runs)/i, 'running'],
  [/(?:If|while) (?:a|the) task is stopped/i, 'stopped'],
];

/** The task phases a page's state bullets speak of (an exited task is gone, so none speaks of it). */
export const BULLET_PHASES: readonly string[] = PHASES.map(([, phase]) => phase);

/** One state bullet: `If a task is running …, you can modify only the X and Y parameters …`. */
function stateRule(text: string): StateRule | undefined {
  const phase = PHASES.find(([pattern]) => pattern.test(text))?.[1];
  if (phase === undefined) return undefined;
  const except = /modify all parameters(?: of the task)? except (.+?)(?:\.|$)/i.exec(text);
  const only = /modify only the (.+?) parameters?/i.exec(text) ?? /modify the (.+?) parameters?/i.exec(text);
  const accepts =
    except !== null ? 'except' : only !== null ? 'only' : /modify all parameters/i.test(text) ? 'all' : undefined;
  if (accepts === undefined) return { phase, accepts: 'only', params: ['unread'], sentence: text };
  const list = (except ?? only)?.[1] ?? '';
  const effect = effectTokens(text).find((token) => token !== 'unread');
  return {
    phase,
    accepts,
    params: [...list.matchAll(/\b[A-Z][A-Za-z0-9]+\b/g)].map((m) => m[0]),
    ...(effect === undefined ? {} : { effect }),
    sentence: text,
  };
}
