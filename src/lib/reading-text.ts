/**
 * Text as a reader sees it, for the typed-figure check (src/validate/scan-mdx.ts): a number hidden from a
 * plain search is still a number on the screen. `asReaderSees` removes what is invisible (soft hyphens,
 * zero-width characters, bidirectional controls, variation selectors), applies Unicode NFKC (full-width
 * `３`, mathematical `𝟑`, superscript `²`, ligatures) and maps letters that look like Latin ones
 * (Cyrillic `е`, Greek `ο`…) to Latin, so "thrее" (with Cyrillic е) or "hun\u00ADdred" reads "three"
 * and "hundred". `romanNumeral` and `spelledFraction` find the two other ways of writing a quantity
 * without a digit.
 */

/** Invisible characters: soft hyphen, combining grapheme joiner, Mongolian vowel separator, zero-width and bidi controls, word joiner and invisible operators, variation selectors, BOM. */
const INVISIBLE = /[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff]/gu;

/** Letters from other scripts that look like Latin letters (Unicode's confusables, the common ones). */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ү: 'Y',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  // Greek
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Latin look-alikes outside ASCII
  ı: 'i',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ʟ: 'L',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');

/** The text with invisible characters removed, NFKC applied, and look-alike letters made Latin. */
export function asReaderSees(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(LOOKALIKE, (ch) => LOOKALIKES[ch] ?? ch);
}

/** Whether reading the text changes it (so a message can say the figure was disguised). */
export function isDisguised(text: string): boolean {
  return asReaderSees(text) !== text.normalize('NFC');
}

/**
 * A Roman numeral of two or more letters written as a word (`XII`, `IV`, `MMXVIII`), in capitals and
 * well formed, so abbreviations such as `CID` or `MARAC` are not numerals. A single `I`, `V` or `X`
 * is too common as a word or a letter to count.
 */
const ROMAN =
  /(?<![\p{L}\p{N}])(?=[MDCLXVI]{2,}(?![\p{L}\p{N}]))M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\p{L}\p{N}])/u;
export function romanNumeral(text: string): { text: string; index: number } | undefined {
  const m = ROMAN.exec(text);
  return m && m[0].length >= 2 ? { text: m[0], index: m.index } : undefined;
}

const ORDINALS =
  'half|halves|thirds?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|twentieths?|hundredths?|thousandths?';
/**
 * A fraction in words used as a quantity: "a fifth more", "a third of", "one quarter", "three fifths",
 * "two-thirds", "by a tenth", "a half", "a quarter more". Ordinals on their own ("the third meeting")
 * are not quantities and pass, and "quarter" counts only before more, less, of… ("one quarter can be
 * unusual" is three months).
 */
const FRACTION = new RegExp(
  `\\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)[\\s-]+(?:(?:${ORDINALS})\\b|quarters?\\s+(?:more|less|fewer|higher|lower|larger|smaller|bigger|of|as)\\b)`,
  'i',
);
export function spelledFraction(text: string): { text: string; index: number } | undefined {
  const m = FRACTION.exec(text);
  return m ? { text: m[0], index: m.index } : undefined;
}
