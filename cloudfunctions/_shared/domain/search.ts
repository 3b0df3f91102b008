import { GENERIC, STOPWORDS, SYNONYMS, WORDS } from './search-lexicon'

/**
 * Chinese search over what a resident can use, without an outside service.
 *
 * Why a kept dictionary and not jieba: none of jieba's Node forms is installed here
 * (`nodejieba` and `@node-rs/jieba` are native binaries, built or downloaded per platform; the
 * `jieba-wasm` build is a 4 MB module with its own 5 MB dictionary to load in every cold
 * start), and the texts searched are a few hundred short items in one programme's vocabulary.
 * What decides a hit is that vocabulary (小额担保贷款, 个体工商户, 返乡农民工 …) and the everyday
 * words residents use for it (小店, 没钱, 大学生), which a general dictionary does not connect
 * anyway. So: a domain dictionary kept in `search-lexicon.ts` (from the seeds and the demo
 * data), bidirectional maximum matching over it (the classic dictionary segmenter: the longest
 * dictionary word at each position, else one character, read both ways), plus character bigrams over every
 * text so a word missing from the dictionary still matches (the CJK-bigram scheme of Lucene's
 * CJKAnalyzer). `Intl.Segmenter('zh')` would need full ICU data, which a function runtime
 * built with small-icu lacks, and its cuts change between ICU versions; this one is the same
 * everywhere and runs in a cloud function as plain code.
 */

/** Stopwords are words too: 有什么 must be cut as one word to be dropped as one. */
const DICT = new Set([...WORDS, ...STOPWORDS])
const MAX_WORD = Math.max(...[...DICT].map((w) => w.length))

/** Han characters (and the compatibility block): the text segmentation applies to. */
const HAN = /\p{Script=Han}/u
/** Runs of Han characters, or of Latin letters and digits (SYB, 30万). */
const RUN = /\p{Script=Han}+|[A-Za-z0-9]+/gu

/** Lower-cased runs of letters/digits and Han characters; everything else (emoji, punctuation) is a gap. */
export function textRuns(text: string): string[] {
  return (text.normalize('NFKC').match(RUN) ?? []).map((r) => (HAN.test(r) ? r : r.toUpperCase()))
}

/** Forward maximum matching over one run of Han characters. */
function forward(run: string): string[] {
  const out: string[] = []
  let i = 0
  while (i < run.length) {
    let len = Math.min(MAX_WORD, run.length - i)
    while (len > 1 && !DICT.has(run.slice(i, i + len))) len--
    out.push(run.slice(i, i + len))
    i += len
  }
  return out
}

/** Backward maximum matching: the longest dictionary word ending at each position, right to left. */
function backward(run: string): string[] {
  const out: string[] = []
  let j = run.length
  while (j > 0) {
    let len = Math.min(MAX_WORD, j)
    while (len > 1 && !DICT.has(run.slice(j - len, j))) len--
    out.unshift(run.slice(j - len, j))
    j -= len
  }
  return out
}

const singles = (ws: string[]) => ws.filter((w) => w.length === 1).length

/**
 * Bidirectional maximum matching: both cuts, keeping the one with fewer words, then fewer
 * single characters, then the backward one (Chinese modifiers precede their head, so backward
 * matching errs less: 想开个小店 → 想|开个小店, where forward gives 想开|个|小店).
 */
export function segment(text: string): string[] {
  const out: string[] = []
  for (const run of textRuns(text)) {
    if (!HAN.test(run)) {
      out.push(run)
      continue
    }
    const f = forward(run)
    const b = backward(run)
    out.push(...(f.length !== b.length ? (f.length < b.length ? f : b) : singles(f) < singles(b) ? f : b))
  }
  return out
}

/**
 * The terms an item is indexed under: every dictionary word found anywhere in the text (all
 * matches, not only the longest: 创业担保贷款 also yields 担保贷款 and 贷款), every character
 * bigram, and Latin/digit runs. Deduplicated.
 */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>()
  for (const run of textRuns(text)) {
    if (!HAN.test(run)) {
      terms.add(run)
      continue
    }
    for (let i = 0; i < run.length; i++) {
      for (let len = 2; len <= Math.min(MAX_WORD, run.length - i); len++) {
        const w = run.slice(i, i + len)
        if (len === 2 || DICT.has(w)) terms.add(w)
      }
    }
  }
  return [...terms]
}

/** One thing the resident asked about: the word they typed and the words that mean the same. */
export interface QueryConcept {
  word: string
  /** The word itself first, then its synonyms (and theirs, one level down). */
  terms: string[]
  /** How much a match on this concept counts: generic words (创业) little, long specific words more. */
  weight: number
}

/** Longest query the search reads; the rest of a pasted paragraph is ignored. */
export const MAX_QUERY_CHARS = 40

/**
 * A query as concepts: segmented, stopwords and single leftover characters dropped (a run of
 * unknown characters becomes its bigrams), synonyms added. Empty when nothing searchable is left
 * (emoji only, only question words).
 */
export function queryConcepts(q: string): QueryConcept[] {
  const words: string[] = []
  const pending: string[] = []
  // Single characters the dictionary does not know are kept together, so 芒果干 → 芒果, 果干.
  const flush = () => {
    const s = pending.join('')
    pending.length = 0
    if (s.length >= 2) for (let i = 0; i + 2 <= s.length; i++) words.push(s.slice(i, i + 2))
  }
  for (const w of segment(q.slice(0, MAX_QUERY_CHARS))) {
    if (STOPWORDS.has(w)) {
      flush()
      continue
    }
    if (w.length === 1 && HAN.test(w)) {
      pending.push(w)
      continue
    }
    flush()
    words.push(w)
  }
  flush()
  const seen = new Set<string>()
  const concepts: QueryConcept[] = []
  for (const word of words) {
    if (seen.has(word)) continue
    seen.add(word)
    const terms = new Set([word])
    for (const s of SYNONYMS[word] ?? []) {
      terms.add(s)
      for (const s2 of SYNONYMS[s] ?? []) terms.add(s2)
    }
    concepts.push({ word, terms: [...terms], weight: GENERIC.has(word) ? 0.25 : Math.min(3, 1 + (word.length - 2) * 0.5) })
  }
  return concepts
}

/** The terms worth asking the store for: every concept's terms except the generic ones. */
export function candidateTerms(concepts: readonly QueryConcept[]): string[] {
  const out = new Set<string>()
  for (const c of concepts) for (const t of c.terms) if (!GENERIC.has(t)) out.add(t)
  return [...out]
}

/**
 * How well an indexed item answers the concepts: per concept, the word itself in the title
 * counts most, a synonym in the title next, then the word or a synonym in the body; the sum is
 * scaled by the share of concepts the item answers at all, so an item that answers both
 * 大学生 and 场地 beats one that answers 场地 three times over.
 */
export function scoreEntry(entry: { titleTerms: readonly string[]; terms: readonly string[] }, concepts: readonly QueryConcept[]): number {
  if (!concepts.length) return 0
  const title = new Set(entry.titleTerms)
  const body = new Set(entry.terms)
  let sum = 0
  let answered = 0
  let weights = 0
  for (const c of concepts) {
    weights += c.weight
    let best = 0
    c.terms.forEach((t, i) => {
      // The word itself counts most; synonyms a little less the further down their list.
      const own = i === 0 ? 1 : Math.max(0.5, 0.85 - 0.03 * i)
      const lengthBonus = t.length >= 4 ? 1.2 : 1
      if (title.has(t)) best = Math.max(best, 3 * own * lengthBonus)
      else if (body.has(t)) best = Math.max(best, 1 * own * lengthBonus)
    })
    if (best > 0) {
      answered += c.weight
      sum += best * c.weight
    }
  }
  return weights ? sum * (answered / weights) : 0
}

/** What search finds, in the order groups are shown when scores tie. */
export const SEARCH_KINDS = ['policy', 'guide', 'event', 'course', 'site', 'story'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  policy: '政策',
  guide: '办事指南',
  event: '活动',
  course: '培训课程',
  site: '创业场地',
  story: '创业故事',
}

/** Far-future instant for items with no end (a policy without 截止日期, a guide). */
export const OPEN_END = '9999-12-31T23:59:59.999Z'

/**
 * One searchable item as the index keeps it (collection `searchEntries`, id `<kind>:<item id>`):
 * written when the item is saved, published, archived or cancelled, removed when it stops being
 * something a resident can use; `from`/`until` let a query leave out what has expired (or not
 * started) without any write when the date passes.
 */
export interface SearchEntry {
  _id: string
  kind: SearchKind
  refId: string
  /** The keeping org: a resident sees entries of their community's chain. */
  orgId: string
  title: string
  summary: string
  /** The page that opens it. */
  url: string
  /** Index terms of the title, and of everything searchable (title included). */
  titleTerms: string[]
  terms: string[]
  /** ISO instants: in force / open from, and until (inclusive). */
  from: string
  until: string
  updatedAt: string
}

/** The index id of an item. */
export const searchEntryId = (kind: SearchKind, refId: string): string => `${kind}:${refId}`

/** Said with results when the question held only words every item uses (创业, 政策). */
export const GENERIC_HINT = '说得具体一些能找得更准，比如“开小店”“贷款”“场地”'
