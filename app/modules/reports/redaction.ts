/**
 * Automatic redaction of personal details from free text, applied to every quote before it leaves
 * the service (report HTML, PDF and the quotes CSV). Pure string processing with no Node APIs, so
 * it runs the same on the server, in a worker thread or in a browser.
 *
 * Each detector finds spans in the original text; overlapping spans are merged so nothing any
 * detector found survives, and each merged span becomes one REDACTED mark. Marks separated only by
 * spaces or punctuation collapse into one. The cue that introduced a detail is kept ("Dr [removed]",
 * "born [removed]") so the quote still reads naturally. Decisions: docs/decisions/008-redaction.md.
 */

export const REDACTED = "[removed]";

/**
 * Redacted text is stored for CSV exports (app/modules/reports/redaction-store.server.ts). Any
 * change to what this file removes must increase this number, so that everything stored is
 * redacted again under the new rules; a unit test holds this file's hash to the number.
 */
export const REDACTION_RULES_VERSION = 1;

/** In order of precedence, which names a merged span when overlapping spans are equally long. */
export const personalDetailKinds = ["email", "nhs_number", "phone", "date_of_birth", "identifier", "postcode", "address", "name"] as const;
export type PersonalDetailKind = (typeof personalDetailKinds)[number];

export interface RedactionResult {
  text: string;
  /** How many details of each kind were removed (kinds with none are absent). Never the values. */
  removed: Partial<Record<PersonalDetailKind, number>>;
}

interface Span {
  start: number;
  end: number;
  kind: PersonalDetailKind;
}

export function redactPersonalDetails(text: string): RedactionResult {
  const spans = detectors.flatMap((detect) => detect(text));
  if (spans.length === 0) return { text, removed: {} };

  const removed: Partial<Record<PersonalDetailKind, number>> = {};
  let output = "";
  let cursor = 0;
  for (const span of mergeOverlapping(spans)) {
    output += text.slice(cursor, span.start) + REDACTED;
    cursor = span.end;
    removed[span.kind] = (removed[span.kind] ?? 0) + 1;
  }
  output += text.slice(cursor);
  return { text: collapseAdjacentMarks(output), removed };
}

/**
 * NHS numbers are 10 digits whose last digit is a modulus 11 check of the first nine (weights 10
 * down to 2). A remainder giving a check value of 10 means the number was never issued.
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(digits[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * Overlapping spans become one, named after the longest of them ("+44 (0)121 496 0766" is a phone
 * number even though its last ten digits happen to pass the NHS number check); spans of the same
 * length are named by precedence.
 */
function mergeOverlapping(spans: Span[]): Span[] {
  const precedence = (kind: PersonalDetailKind) => personalDetailKinds.indexOf(kind);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || precedence(a.kind) - precedence(b.kind));
  const merged: { span: Span; longest: number }[] = [];
  for (const span of sorted) {
    const length = span.end - span.start;
    const last = merged.at(-1);
    if (last && span.start < last.span.end) {
      last.span.end = Math.max(last.span.end, span.end);
      if (length > last.longest || (length === last.longest && precedence(span.kind) < precedence(last.span.kind))) {
        last.span.kind = span.kind;
        last.longest = length;
      }
    } else {
      merged.push({ span: { ...span }, longest: length });
    }
  }
  return merged.map((entry) => entry.span);
}

// "[removed], [removed]" or "[removed] / [removed]" reads as noise: keep one. Words between marks
// ("[removed] or [removed]") are kept, because they carry meaning.
const ADJACENT_MARKS = /\[removed\](?:\s*[,;/&+\-–—]\s*|\s+)(?=\[removed\])/g;

function collapseAdjacentMarks(text: string): string {
  return text.replace(ADJACENT_MARKS, "");
}

function spansOf(pattern: RegExp, text: string, kind: PersonalDetailKind): Span[] {
  return Array.from(text.matchAll(pattern), (match) => ({ start: match.index, end: match.index + match[0].length, kind }));
}

/** Runs `cue` over the text and, for each cue, `detail` (a sticky pattern) right after it. */
function spansAfterCues(cue: RegExp, detail: RegExp, text: string, kind: PersonalDetailKind, accept: (value: string) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(cue)) {
    detail.lastIndex = match.index + match[0].length;
    const found = detail.exec(text);
    if (found && accept(found[0])) spans.push({ start: found.index, end: found.index + found[0].length, kind });
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Email addresses

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// ---------------------------------------------------------------------------------------------
// UK phone numbers: 0, or +44 / 0044 (with or without "(0)"), followed by 9 or 10 more digits,
// in any grouping with spaces, dashes, dots or brackets. Short numbers (111, 999, 116 123) never
// start with 0 or +44 and are left alone.

const PHONE_CANDIDATE = /(?<![\p{L}\p{N}+(])(\(?(?:\+|00)\s?44\)?\s?(?:\(0\)\s?)?|\(?0)(\d+(?:(?:\)[ \t]?|[ \t]?[-.][ \t]?|[ \t]{1,2})\d+)*)/gu;

function findPhoneNumbers(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const [, prefix = "", body = ""] = match;
    // Take the longest run of whole digit groups that has a valid length, so a year or count
    // written straight after a number is not swallowed with it.
    let digits = 0;
    let validEnd = -1;
    for (const group of body.matchAll(/\d+/g)) {
      digits += group[0].length;
      if (digits === 9 || digits === 10) validEnd = group.index + group[0].length;
      if (digits > 10) break;
    }
    if (validEnd < 0) continue;
    const start = match.index;
    spans.push({ start, end: start + prefix.length + validEnd, kind: "phone" });
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// NHS numbers: ten digits in any grouping (943 476 5919, 943-476-5919, 9434765919, 94 34 76 59 19)
// that pass the modulus 11 check, and are not part of a longer run of digits.

const TEN_DIGITS = /(?<![\p{L}\p{N}+]|\d[ -])\d(?:[ -]?\d){9}(?![\p{L}\p{N}]|[ -]\d)/gu;

function findNhsNumbers(text: string): Span[] {
  return spansOf(TEN_DIGITS, text, "nhs_number").filter((span) => isValidNhsNumber(text.slice(span.start, span.end)));
}

// ---------------------------------------------------------------------------------------------
// Other identifiers. Long runs of digits are removed whatever they are (a hospital number, an NHS
// number with a typo, a bank account): nothing a planner needs is eight digits long. Numbers after
// a cue such as "hospital number" are removed at any length, and so are National Insurance numbers.

const LONG_DIGIT_RUN = /(?<![\p{L}\p{N}])\d{8,}(?![\p{L}\p{N}])/gu;
const IDENTIFIER_CUE =
  /\b(?:(?:nhs|hospital|patient|unit|case|ni|national\s+insurance|chi)\s*(?:number|no\.?|num\.?|#)|mrn|nhs\s*#)(?:\s*(?:is|was|:|-))?\s*/giu;
const CUED_IDENTIFIER = /(?:[A-Z]{1,4}[ ]?)?\d(?:[ -]?\d){3,}[A-Z]?(?![\p{L}\p{N}])/iuy;
const NATIONAL_INSURANCE_NUMBER = /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gu;

function findIdentifiers(text: string): Span[] {
  return [
    ...spansOf(LONG_DIGIT_RUN, text, "identifier"),
    ...spansAfterCues(IDENTIFIER_CUE, CUED_IDENTIFIER, text, "identifier"),
    ...spansOf(NATIONAL_INSURANCE_NUMBER, text, "identifier"),
  ];
}

// ---------------------------------------------------------------------------------------------
// Dates of birth: only after a cue ("born", "DOB", "d.o.b.", "date of birth", "birthday"). Other
// dates (appointments, diagnosis) are not personal details on their own and carry meaning.

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const DATE_OF_BIRTH_CUE =
  /\b(?:date\s+of\s+birth|birth\s*date|d\.\s?o\.\s?b\b\.?|dob\b|born(?:\s+(?:on|in))?|birthday(?:\s+(?:is|was))?)(?:\s*(?:is|was|:|-|–))?\s*(?:(?:on\s+)?the\s+)?/giu;
const DATE = new RegExp(
  [
    String.raw`\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?(?:\d{4}|\d{2})(?!\d)`,
    String.raw`${DAY}\s+(?:of\s+)?${MONTH}(?:,?\s+(?:\d{4}|'?\d{2}))?(?![\p{L}\p{N}])`,
    String.raw`${MONTH}\s+${DAY}(?:,?\s+\d{4})?(?![\p{L}\p{N}])`,
    String.raw`${MONTH}\s+\d{4}(?!\d)`,
    String.raw`(?:18|19|20)\d{2}(?!\d)`,
  ].join("|"),
  "iuy",
);

function findDatesOfBirth(text: string): Span[] {
  return spansAfterCues(DATE_OF_BIRTH_CUE, DATE, text, "date_of_birth");
}

// ---------------------------------------------------------------------------------------------
// Postcodes: full postcodes anywhere (any case, any spacing), outward codes ("CH41") only after a
// cue ("postcode", "live in", "from") or before "area". The area letters must be a real UK
// postcode area, which keeps "A1", "T3 N0" and motorway numbers out.

const POSTCODE_AREAS = new Set(
  ("AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY " +
    "HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL " +
    "PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE").split(" "),
);
const FULL_POSTCODE = /(?<![\p{L}\p{N}])([A-Z]{1,2})(\d[A-Z\d]?)[ \t]*(\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/giu;
const OUTWARD_CODE_CUE = /\b(?:post\s?code(?:\s+(?:is|was))?:?|(?:live|living|lives|lived|based|reside|resident)\s+(?:in|at|near))\s+/giu;
// After "from", "M6" or "M62" is far more often a motorway than a Manchester postcode.
const FROM_CUE = /\bfrom\s+/giu;
const OUTWARD_CODE = /([A-Z]{1,2})\d[A-Z\d]?(?![\p{L}\p{N}])/iuy;
const OUTWARD_CODE_BEFORE_AREA = /(?<![\p{L}\p{N}])([A-Z]{1,2})\d[A-Z\d]?(?=\s+area\b)/giu;

function isPostcodeArea(letters: string | undefined): boolean {
  return letters !== undefined && POSTCODE_AREAS.has(letters.toUpperCase());
}

function findPostcodes(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(FULL_POSTCODE)) {
    const [value, area] = match;
    if (isPostcodeArea(area)) spans.push({ start: match.index, end: match.index + value.length, kind: "postcode" });
  }
  const areaOf = (value: string) => /^[A-Z]+/i.exec(value)?.[0];
  spans.push(...spansAfterCues(OUTWARD_CODE_CUE, OUTWARD_CODE, text, "postcode", (value) => isPostcodeArea(areaOf(value))));
  spans.push(...spansAfterCues(FROM_CUE, OUTWARD_CODE, text, "postcode", (value) => isPostcodeArea(areaOf(value)) && !/^m$/i.test(areaOf(value) ?? "")));
  for (const match of text.matchAll(OUTWARD_CODE_BEFORE_AREA)) {
    if (isPostcodeArea(match[1])) spans.push({ start: match.index, end: match.index + match[0].length, kind: "postcode" });
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Street addresses: a house number and a street ("12 Acacia Avenue", "Flat 3, 45 Bold Street",
// "14b Church Rd"), or a street after "live on / live at". Street words must be capitalised unless
// the street type is unambiguous ("12 acacia avenue"); "Drive", "Walk" or "Way" in lower case are
// too often ordinary words ("a 2 hour drive").

const STREET_TYPES =
  "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Grove|Gr|Gardens|Gdns|Place|Pl|Court|Ct|Terrace|Terr|Tce|Square|Sq|Walk|Mews|Row|Parade|Rise|Vale|Green|Hill|Park|View|Boulevard|Brow|Croft|Fold|Meadows?|Heights|Wynd";
const UNAMBIGUOUS_STREET_TYPES = "street|road|avenue|lane|crescent|grove|gardens|terrace|mews|boulevard";
const STREET_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?`;
const FLAT = String.raw`(?:\b(?:Flat|flat|Apartment|apartment|Apt|apt)\.?\s+\d{1,4}[A-Za-z]?,?\s+)?`;
// "Ward 4 Arrowe Park" or "bus 10 Park Road" name a place in a hospital or a route, not a home.
const HOUSE_NUMBER = String.raw`(?<![\p{L}\p{N}])(?<!\b(?:[Ww]ard|[Bb]ay|[Bb]ed|[Rr]oom|[Ss]tage|[Gg]rade|[Ll]evel|[Ff]loor|[Cc]linic|[Ss]uite|[Jj]unction|[Gg]ate|[Pp]latform|[Bb]us|[Rr]oute|[Pp]age|[Pp]hase|[Tt]ype|[Tt]ier|[Aa]ged?)\s+)\d{1,4}[A-Za-z]?,?\s+`;
const ADDRESS = new RegExp(
  `${FLAT}${HOUSE_NUMBER}((?:${STREET_WORD}\\s+){1,3})(?:${STREET_TYPES})\\b\\.?` +
    `|${FLAT}${HOUSE_NUMBER}((?:\\p{Ll}{3,}\\s+){1,2})(?:${UNAMBIGUOUS_STREET_TYPES})\\b`,
  "gu",
);
const STREET_AFTER_CUE = new RegExp(String.raw`(?<=\b(?:live|living|lives|lived)\s+(?:on|at|in)\s+)((?:${STREET_WORD}\s+){1,3})(?:${STREET_TYPES})\b\.?`, "gu");
/** Words that make "2 hour drive", "10 minutes down the road" or "3 lane road" look like addresses. */
const NOT_STREET_NAMES = new Set(
  [
    "the", "a", "an", "of", "to", "from", "on", "in", "at", "and", "or", "my", "our", "your", "their", "his", "her", "by", "for",
    "with", "near", "off", "down", "up", "past", "across", "along", "this", "that", "every", "each", "per", "more", "less",
    "than", "about", "over", "under", "other", "minute", "minutes", "hour", "hours", "mile", "miles", "day", "days", "week",
    "weeks", "month", "months", "year", "years", "times", "people", "patients", "lane", "lanes", "road", "roads", "street",
    "streets", "busy", "main", "new", "same", "different", "long", "short", "whole", "ward", "wards", "bed", "beds", "stage",
  ],
);

function findAddresses(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of [ADDRESS, STREET_AFTER_CUE]) {
    for (const match of text.matchAll(pattern)) {
      const words = (match[1] ?? match[2] ?? "").trim().split(/\s+/);
      if (words.some((word) => NOT_STREET_NAMES.has(word.toLowerCase()))) continue;
      spans.push({ start: match.index, end: match.index + match[0].length, kind: "address" });
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Names, only after a cue: a relationship ("my husband John", "my wife, Mary Smith", "my son Tom's"),
// a title ("Dr Patel", "Mrs O'Neill", "consultant Mr Jones"), a role ("nurse Sarah"), an
// introduction ("a nurse called Sarah", "my name is") or a sign-off ("Thanks, Jane"). A name is one
// to three capitalised words; capitalised words that are not names (NHS, places, Macmillan, days)
// stop it. Names typed in lower case are not recognised: there is no reliable way to tell them
// from ordinary words.

const RELATIONSHIP =
  "(?:mother|father|sister|brother|son|daughter)-in-law|husband|wife|partner|son|daughter|mum|mam|mom|mother|dad|father|brother|sister|friend|neighbour|neighbor|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|grandson|granddaughter|grandchild|aunt|auntie|aunty|uncle|niece|nephew|cousin|boyfriend|girlfriend|fianc[eé]e?|stepson|stepdaughter|stepmum|stepmother|stepdad|stepfather|child|baby|carer|colleague";
const RELATIONSHIP_CUE = new RegExp(
  String.raw`\b(?:my|our|his|her|their|your)\s+(?:(?:late|lovely|dear|darling|beloved|eldest|oldest|youngest|younger|older|little|big|baby|best|twin|step|elder)\s+){0,2}(?:${RELATIONSHIP})\b`,
  "giu",
);
// Titles are matched with their usual capitals, so "MS" (multiple sclerosis) is not "Ms". Only
// abbreviations take a full stop: "the doctor. Catching it early" is two sentences.
const TITLE_CUE = /\b(?:(?:[Dd]r|[Mm]rs?|Ms|Mx|[Pp]rof|Rev)\b\.?|(?:[Dd]octor|[Pp]rofessor|Miss|Sir|Dame|Reverend)\b)/gu;
const ROLE_CUE =
  /\b(?:nurse|sister|matron|consultant|surgeon|oncologist|registrar|radiographer|radiologist|physio|physiotherapist|midwife|receptionist|porter|specialist|haematologist|counsellor|therapist|pharmacist|paramedic|worker|navigator|keyworker)\b/giu;
// "a nurse called Sarah", but not "I called Age UK" or "we then called Citizens Advice".
const INTRODUCTION_CUE = /(?<!\b(?:I|i|we|We|they|They|you|You)\s+(?:\p{L}+\s+)?)\bcalled\b|\b(?:named|[Nn]ame\s+(?:is|was)|[Nn]ame['’]s|known\s+as)\b/gu;
// A sign-off may put the name on the next line ("Kind regards,\nMargaret Evans").
const SIGN_OFF_CUE = /\b(?:thanks|thank\s+you|many\s+thanks|regards|kind\s+regards|best\s+wishes|yours\s+(?:sincerely|faithfully))\b[ \t]*,?[ \t]*(?:\r?\n[ \t]*)?/giu;
const NAME_CUES = [RELATIONSHIP_CUE, TITLE_CUE, ROLE_CUE, INTRODUCTION_CUE, SIGN_OFF_CUE];

const AFTER_CUE = /[ \t]*(?:[,:(–-][ \t]*)?/y;
const NAME_WORD = /\p{Lu}\p{Ll}*(?:['’]\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+)*(?:-\p{Lu}\p{Ll}+)*(?=['’]s\b|[^\p{L}\p{N}'’-]|$)/uy;
const INITIAL = /\p{Lu}\.?(?=[ \t]+\p{Lu})/uy;
const BETWEEN_NAME_WORDS = /[ \t]+/y;
const MAX_NAME_WORDS = 3;

/**
 * Capitalised words that follow name cues in real responses but are never names. Words that are
 * also common first names (June, April, Chester, Leighton) are left out: a missed name is worse
 * than a removed place.
 */
const NOT_NAMES = new Set(
  (
    "An The And But Or So Then Also He She It We They You His Her Him Its Our Their " +
    "Your My Me Us Them Is Was Were Has Had Have Who Which What When Where Why How This That These Those There Here In On At " +
    "To From For With By Of As If Not No Yes Said Says Told Just Only Very Really All Some Every Everyone Everybody Anyone " +
    "Someone Nobody Please Thank Thanks Sorry Dear Hi Hello Mum Dad Mam Nan Nana Gran Grandad Grandma " +
    "Dr Doctor Doctors Mr Mrs Ms Miss Mx Prof Professor Sister Sisters Matron Nurse Nurses Consultant Consultants Surgeon Surgeons " +
    "Oncologist Oncology Specialist Specialists Practitioner Practitioners Registrar Team Teams Clinic Clinics Unit Ward Wards " +
    "Department Centre Center Hospital Hospitals Hospice Service Services Trust Trusts Cancer Support Worker Workers Care Carer " +
    "Carers Health Key Clinical Lead Head Senior Staff General Practice Surgery Reception Receptionist Receptionists Admin " +
    "Radiotherapy Chemotherapy Chemo Haematology Urology Breast Bowel Lung Prostate Skin Acute Palliative Community District " +
    "Macmillan Curie Maggie Maggies Cruse Samaritans Council Charity Group Society Foundation Network " +
    "Royal University Countess Alder Hey Clatterbridge Aintree Whiston Arrowe Broadgreen Southport Ormskirk " +
    "Liverpool Wirral Sefton Knowsley Halton Warrington Cheshire Helens St Saint Merseyside Mersey Isle Man Runcorn " +
    "Widnes Crewe Macclesfield Birkenhead Wallasey Ellesmere Port Northwich Bootle Huyton Prescot Manchester " +
    "London England Wales Scotland Ireland Lancashire British English " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March July August September October " +
    "November December Christmas Easter God Lord " +
    "Prevention Screening Symptom Symptoms Awareness Diagnosis Treatment Research Communication Coordination Personalised " +
    "Emotional Psychological Urgent Fairness Travel Digital Children Young People Other"
  ).split(/\s+/),
);
/** Organisations whose names start like a person's ("Thank you Marie Curie"). */
const ORGANISATION_NAMES = /(?:Marie\s+Curie|Age\s+UK|Citizens\s+Advice|Sue\s+Ryder|Teenage\s+Cancer\s+Trust|Cancer\s+Research)\b/uy;

function nameAfter(text: string, index: number): Span | null {
  AFTER_CUE.lastIndex = index;
  let position = index + (AFTER_CUE.exec(text)?.[0].length ?? 0);
  ORGANISATION_NAMES.lastIndex = position;
  if (ORGANISATION_NAMES.test(text)) return null;
  const start = position;
  let end = -1;
  for (let words = 0; words < MAX_NAME_WORDS; words += 1) {
    if (words > 0) {
      BETWEEN_NAME_WORDS.lastIndex = position;
      const gap = BETWEEN_NAME_WORDS.exec(text);
      if (!gap) break;
      position += gap[0].length;
    }
    INITIAL.lastIndex = position;
    const initial = INITIAL.exec(text);
    if (initial && initial[0] !== "I") {
      // An initial counts only as part of a longer name ("J. Smith"), never on its own.
      position += initial[0].length;
      continue;
    }
    NAME_WORD.lastIndex = position;
    const word = NAME_WORD.exec(text);
    if (!word || word[0].length < 2 || NOT_NAMES.has(word[0])) break;
    position += word[0].length;
    end = position;
  }
  return end > start ? { start, end, kind: "name" } : null;
}

function findNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const cue of NAME_CUES) {
    for (const match of text.matchAll(cue)) {
      const span = nameAfter(text, match.index + match[0].length);
      if (span) spans.push(span);
    }
  }
  return spans;
}

const detectors: ((text: string) => Span[])[] = [
  (text) => spansOf(EMAIL, text, "email"),
  findNhsNumbers,
  findPhoneNumbers,
  findDatesOfBirth,
  findIdentifiers,
  findPostcodes,
  findAddresses,
  findNames,
];
