import { ethnicBackgrounds, isEthnicGroupCode } from "~/modules/submissions/equality-options";
import { PREFER_NOT_TO_SAY } from "~/modules/submissions/options";
import { generateReference } from "~/modules/submissions/reference";

import { places, themes, trusts } from "../reference-data";
import type { ExclusionReason, FlagKind, SubmissionChannel, SubmissionStatus, SupportNeeded } from "../schema";
import { flagSentences, exampleEmail, personalDetailKinds, plantedSentence, type PlantedDetailKind } from "./planted-text";
import { contextSentences, excludedText, themeText } from "./priority-text";
import { Random } from "./random";

/**
 * Deterministic generator of realistic synthetic responses for demos, screenshots and benchmarks.
 * The same seed, count and end date give the same responses, byte for byte. Responses are
 * yielded one at a time so 100,000 of them never sit in memory together.
 *
 * Every rate below is a probability per response (or per priority where it says so); the tests
 * check the generated data against them. Decisions: docs/decisions/009-demo-data.md.
 */
export const demoRates = {
  /** Kinds of response; the rest are ordinary responses. */
  spam: 0.01,
  test: 0.005,
  outOfScope: 0.015,
  exactDuplicate: 0.005,
  nearDuplicate: 0.02,
  /** Of ordinary responses. */
  safety: 0.015,
  complaint: 0.03,
  personalDetails: 0.06,
  /** Of responses with personal details, those with two (of different kinds) rather than one. */
  twoPersonalDetails: 0.25,
  equality: 0.4,
  email: 0.12,
  /** Of priorities. */
  typos: 0.1,
} as const;

export const DEMO_DAYS = 182;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoOptions {
  responses: number;
  seed: number;
  /** Responses are received in the DEMO_DAYS days before this moment. */
  until: Date;
  campaignCode: string;
  /** References already in the database (when appending): never generated again. */
  takenReferences?: ReadonlySet<string>;
}

export type DemoResponseKind = "normal" | "near_duplicate" | "exact_duplicate" | "spam" | "test" | "out_of_scope";
export type PriorityRank = 1 | 2 | 3;

export interface DemoPriority {
  rank: PriorityRank;
  what: string;
  why: string | null;
  support: SupportNeeded | null;
  /** Themes the text is about (first is the main one). */
  themeSlugs: string[];
  /** Themes a lead has confirmed: the text's themes once the response is themed or closed. */
  confirmedThemeSlugs: string[];
  suitableToQuote: boolean;
}

export interface DemoEquality {
  ageBand: string | null;
  sex: string | null;
  genderSameAsBirth: string | null;
  sexualOrientation: string | null;
  ethnicGroup: string | null;
  ethnicBackground: string | null;
  religion: string | null;
  disability: string | null;
  unpaidCarer: string | null;
  createdAt: string;
}

export interface DemoFlag {
  kind: FlagKind;
  /** The phrase from db/safety-phrases.ts the planted sentence contains. */
  phrase: string;
  state: "open" | "actioned";
  raisedAt: string;
  actionedAt: string | null;
  actionNote: string | null;
}

export interface PlantedDetail {
  kind: PlantedDetailKind;
  values: string[];
  rank: PriorityRank;
  field: "what" | "why";
}

export interface DemoResponse {
  /** Position in the generated sequence, from 0. */
  sequence: number;
  reference: string;
  channel: SubmissionChannel;
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  placeCode: string | null;
  placePreferNotToSay: boolean;
  respondentTypes: string[];
  /** Trust codes, or other answers ("outside", "not_sure", "not_treated", "prefer_not_to_say"). */
  trusts: string[];
  cancerType: string | null;
  organisationName: string | null;
  email: string | null;
  optInUpdates: boolean;
  optInInvolvement: boolean;
  status: SubmissionStatus;
  excludedReason: ExclusionReason | null;
  version: number;
  priorities: DemoPriority[];
  equality: DemoEquality | null;
  flags: DemoFlag[];
  /** What the generator planted, for tests. */
  planted: {
    kind: DemoResponseKind;
    /** For duplicates, the sequence number of the response they copy. */
    duplicateOf: number | null;
    personalDetails: PlantedDetail[];
  };
}

export function generateDemoData(options: DemoOptions): DemoResponse[] {
  return [...generateDemoResponses(options)];
}

export function* generateDemoResponses(options: DemoOptions): Generator<DemoResponse> {
  const random = new Random(options.seed);
  // Every time in the data is before `until`: the latest is a minute before it.
  const latest = new Date(options.until.getTime() - 60_000);
  const schedule = new ReceiptSchedule(options.until, latest, random);
  const usedReferences = new Set<string>();
  const duplicateSources: Source[] = [];

  for (let sequence = 0; sequence < options.responses; sequence += 1) {
    const receivedAt = schedule.timeFor(sequence, options.responses);
    const kind = random.weighted<DemoResponseKind>([
      ["spam", demoRates.spam],
      ["test", demoRates.test],
      ["out_of_scope", demoRates.outOfScope],
      ["exact_duplicate", demoRates.exactDuplicate],
      ["near_duplicate", demoRates.nearDuplicate],
      ["normal", 1 - demoRates.spam - demoRates.test - demoRates.outOfScope - demoRates.exactDuplicate - demoRates.nearDuplicate],
    ]);
    const source = (kind === "exact_duplicate" || kind === "near_duplicate") && duplicateSources.length > 0 ? random.pick(duplicateSources) : null;
    const responseKind: DemoResponseKind = source || (kind !== "exact_duplicate" && kind !== "near_duplicate") ? kind : "normal";

    // A duplicate is usually the same person sending again; sometimes a shared text others copied.
    const person = source && random.chance(0.7) ? source.person : drawPerson(random);
    const channel =
      responseKind === "spam" || responseKind === "test"
        ? "online"
        : random.weighted<SubmissionChannel>([
            ["online", 85],
            ["paper", 6],
            ["email", 4],
            ["phone", 2],
            ["event", 3],
          ]);
    const createdAt = channel === "online" ? receivedAt : minDate(new Date(receivedAt.getTime() + random.int(1, 7) * DAY_MS), latest);

    let texts: PriorityDraft[];
    const personalDetails: PlantedDetail[] = [];
    const flagged: { kind: FlagKind; phrase: string; rank: PriorityRank }[] = [];
    switch (responseKind) {
      case "spam":
      case "test":
      case "out_of_scope":
        texts = [{ what: random.expand(random.pick(excludedText[responseKind])), why: null, support: null, themeSlugs: [] }];
        break;
      case "exact_duplicate":
        texts = source!.priorities.map((priority) => ({ ...priority }));
        break;
      case "near_duplicate":
        texts = source!.priorities.map((priority) => nearCopy(random, priority));
        break;
      case "normal":
        texts = drawPriorities(random, person);
        for (const flagKind of ["safety", "complaint"] as const) {
          if (random.chance(flagKind === "safety" ? demoRates.safety : demoRates.complaint)) {
            const { template, phrase } = random.pick(flagSentences[flagKind]);
            const { rank } = plant(random, texts, random.expand(template));
            flagged.push({ kind: flagKind, phrase, rank });
          }
        }
        if (random.chance(demoRates.personalDetails)) {
          const kinds = random.sample(personalDetailKinds, random.chance(demoRates.twoPersonalDetails) ? 2 : 1);
          for (const detailKind of kinds) {
            const { sentence, values } = plantedSentence(random, detailKind);
            personalDetails.push({ kind: detailKind, values, ...plant(random, texts, sentence) });
          }
        }
        break;
    }
    if (responseKind === "normal" && flagged.length === 0 && personalDetails.length === 0) {
      duplicateSources.push({ sequence, person, priorities: texts });
      if (duplicateSources.length > 300) duplicateSources.shift();
    }

    const triage = drawTriage(random, responseKind, createdAt, options.until, latest);
    const confirmed = triage.status === "themed" || triage.status === "closed";
    const priorities: DemoPriority[] = texts.map((text, index) => {
      const rank = (index + 1) as PriorityRank;
      const hasFlag = flagged.some((flag) => flag.rank === rank);
      const hasDetail = personalDetails.some((detail) => detail.rank === rank);
      return {
        rank,
        what: text.what,
        why: text.why,
        support: text.support,
        themeSlugs: text.themeSlugs,
        confirmedThemeSlugs: confirmed ? text.themeSlugs : [],
        // Leads do not quote disclosures; priorities with personal details are quoted often so
        // that reports exercise the redaction.
        suitableToQuote: confirmed && !hasFlag && text.themeSlugs.length > 0 && random.chance(hasDetail ? 0.6 : 0.2),
      };
    });

    let reference: string;
    do reference = generateReference(options.campaignCode, (size) => random.bytes(size));
    while (usedReferences.has(reference) || options.takenReferences?.has(reference));
    usedReferences.add(reference);

    const email = random.chance(demoRates.email) ? exampleEmail(random) : null;
    yield {
      sequence,
      reference,
      channel,
      receivedAt: receivedAt.toISOString(),
      createdAt: createdAt.toISOString(),
      updatedAt: triage.updatedAt.toISOString(),
      placeCode: person.placeCode,
      placePreferNotToSay: person.placePreferNotToSay,
      respondentTypes: person.respondentTypes,
      trusts: person.trusts,
      cancerType: person.cancerType,
      organisationName: person.organisationName,
      email,
      optInUpdates: email !== null && random.chance(0.7),
      optInInvolvement: email !== null && random.chance(0.3),
      status: triage.status,
      excludedReason: triage.excludedReason,
      version: triage.version,
      priorities,
      equality: random.chance(demoRates.equality) ? drawEquality(random, person, createdAt, latest) : null,
      flags: flagged.map(({ kind: flagKind, phrase }) => {
        const actioned = confirmed && random.chance(0.4);
        return {
          kind: flagKind,
          phrase,
          state: actioned ? "actioned" : "open",
          raisedAt: createdAt.toISOString(),
          actionedAt: actioned ? triage.updatedAt.toISOString() : null,
          actionNote: actioned ? random.pick(actionNotes[flagKind]) : null,
        };
      }),
      planted: { kind: responseKind, duplicateOf: source?.sequence ?? null, personalDetails },
    };
  }
}

const actionNotes: Record<FlagKind, readonly string[]> = {
  safety: ["Passed to the safeguarding lead.", "Contacted the respondent with details of urgent help.", "Shared with the trust's patient safety team."],
  complaint: ["Signposted to PALS.", "Respondent told how to raise a complaint with the trust.", "Passed to the trust's PALS team."],
};

// ---------------------------------------------------------------------------------------------
// When responses arrive: more on weekdays, a launch fortnight and a mid-campaign push, and through
// the waking day. Response i of n lands at the (i + r)/n point of the cumulative weight, so the
// sequence is in date order day by day.

class ReceiptSchedule {
  private readonly start: number;
  private readonly cumulative: number[] = [];

  constructor(
    until: Date,
    private readonly latest: Date,
    private readonly random: Random,
  ) {
    this.start = until.getTime() - DEMO_DAYS * DAY_MS;
    let total = 0;
    for (let day = 0; day < DEMO_DAYS; day += 1) {
      const weekday = new Date(this.start + day * DAY_MS).getUTCDay();
      let weight = weekday === 0 || weekday === 6 ? 0.6 : 1;
      if (day < 14) weight *= 2;
      if (day >= 90 && day < 100) weight *= 1.6;
      total += weight;
      this.cumulative.push(total);
    }
  }

  timeFor(index: number, count: number): Date {
    const target = ((index + this.random.next()) / count) * this.cumulative.at(-1)!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    const hour = this.random.weighted(hourWeights);
    const time = this.start + low * DAY_MS + hour * 3_600_000 + this.random.int(0, 3_599) * 1000;
    return minDate(new Date(time), this.latest);
  }
}

const hourWeights: [number, number][] = Array.from({ length: 24 }, (_, hour) => [hour, hour < 7 ? 0.3 : hour < 10 ? 1.5 : hour < 18 ? 2 : hour < 22 ? 3 : 1]);

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

// ---------------------------------------------------------------------------------------------
// Who responded

interface Person {
  respondentTypes: string[];
  placeCode: string | null;
  placePreferNotToSay: boolean;
  trusts: string[];
  cancerType: string | null;
  organisationName: string | null;
  /** The family member the person writes about. */
  relative: string;
}

interface PriorityDraft {
  what: string;
  why: string | null;
  support: SupportNeeded | null;
  themeSlugs: string[];
}

interface Source {
  sequence: number;
  person: Person;
  priorities: PriorityDraft[];
}

const localPlaces = places.filter((place) => place.kind === "place");

const trustsByPlace: Record<string, readonly string[]> = {
  liverpool: ["luhft", "clatterbridge", "liverpool-womens", "liverpool-heart-chest"],
  wirral: ["wirral-university", "clatterbridge"],
  sefton: ["luhft", "mwl", "clatterbridge"],
  knowsley: ["mwl", "luhft", "clatterbridge"],
  "st-helens": ["mwl", "clatterbridge"],
  halton: ["warrington-halton", "mwl", "clatterbridge"],
  warrington: ["warrington-halton", "clatterbridge"],
  "cheshire-west": ["countess-of-chester", "mid-cheshire", "clatterbridge"],
  "cheshire-east": ["east-cheshire", "mid-cheshire", "clatterbridge"],
};

const hospitalsByTrust: Record<string, readonly string[]> = {
  clatterbridge: ["Clatterbridge", "the Clatterbridge in Liverpool"],
  luhft: ["the Royal", "Aintree", "Broadgreen"],
  "liverpool-womens": ["the Women's"],
  "liverpool-heart-chest": ["the Heart and Chest"],
  "wirral-university": ["Arrowe Park"],
  mwl: ["Whiston", "Southport hospital", "Ormskirk"],
  "warrington-halton": ["Warrington hospital", "Halton hospital"],
  "countess-of-chester": ["the Countess"],
  "mid-cheshire": ["Leighton"],
  "east-cheshire": ["Macclesfield hospital"],
};

const organisationNames = [
  "Wirral Cancer Support Group",
  "Knowsley Carers Network",
  "Sefton Men's Health Forum",
  "Halton Breast Friends",
  "Warrington Community Voices",
  "Liverpool Young Persons Cancer Network",
  "Cheshire Patient Panel",
  "St Helens Stoma Support",
];

const cancerWords: Record<string, readonly string[]> = {
  bladder: ["bladder cancer"],
  blood: ["lymphoma", "myeloma", "leukaemia"],
  bowel: ["bowel cancer"],
  brain: ["a brain tumour"],
  breast: ["breast cancer"],
  gynaecological: ["ovarian cancer", "womb cancer", "cervical cancer"],
  head_and_neck: ["throat cancer", "mouth cancer"],
  kidney: ["kidney cancer"],
  liver_pancreas_upper_gi: ["pancreatic cancer", "oesophageal cancer", "stomach cancer"],
  lung: ["lung cancer"],
  prostate: ["prostate cancer"],
  sarcoma: ["a sarcoma"],
  skin: ["melanoma", "skin cancer"],
  testicular: ["testicular cancer"],
};

const relatives: [string, number][] = [
  ["mum", 25],
  ["dad", 20],
  ["husband", 20],
  ["wife", 15],
  ["partner", 10],
  ["son", 3],
  ["daughter", 3],
  ["brother", 2],
  ["sister", 2],
];

function drawPerson(random: Random): Person {
  const respondentTypes = drawRespondentTypes(random);
  const affected = respondentTypes.some((type) => type === "patient" || type === "carer" || type === "bereaved");

  const placeAnswer = random.weighted<string>([
    ["local", 88],
    ["isle-of-man", 1],
    ["elsewhere", 2],
    [PREFER_NOT_TO_SAY, 4],
    ["unanswered", 5],
  ]);
  const placeCode =
    placeAnswer === "local"
      ? random.weighted(localPlaces.map((place) => [place.code, place.population ?? 0] as const))
      : placeAnswer === "isle-of-man" || placeAnswer === "elsewhere"
        ? placeAnswer
        : null;

  const cancerType = affected
    ? random.chance(0.85)
      ? random.weighted<string>([
          ["breast", 15], ["prostate", 13], ["lung", 12], ["bowel", 11], ["blood", 9], ["skin", 6], ["gynaecological", 6],
          ["liver_pancreas_upper_gi", 6], ["head_and_neck", 4], ["kidney", 3], ["bladder", 3], ["brain", 2], ["sarcoma", 1],
          ["testicular", 1], ["other", 4], [PREFER_NOT_TO_SAY, 2],
        ])
      : null
    : random.chance(0.6)
      ? "not_applicable"
      : null;

  return {
    respondentTypes,
    placeCode,
    placePreferNotToSay: placeAnswer === PREFER_NOT_TO_SAY,
    trusts: drawTrusts(random, affected, placeCode, cancerType),
    cancerType,
    organisationName: respondentTypes.includes("organisation") ? random.pick(organisationNames) : null,
    relative: random.weighted(relatives),
  };
}

function drawRespondentTypes(random: Random): string[] {
  const main = random.weighted<string>([
    ["patient", 38], ["carer", 22], ["bereaved", 12], ["professional", 12], ["public", 12], ["organisation", 2],
    [PREFER_NOT_TO_SAY, 2], ["unanswered", 4],
  ]);
  if (main === "unanswered") return [];
  if (main === PREFER_NOT_TO_SAY || main === "organisation" || main === "public") return [main];
  const types = [main];
  if (main === "patient" && random.chance(0.08)) types.push("carer");
  if (main === "carer" && random.chance(0.15)) types.push("bereaved");
  if (main === "professional" && random.chance(0.18)) types.push(random.pick(["patient", "carer"]));
  return types;
}

function drawTrusts(random: Random, affected: boolean, placeCode: string | null, cancerType: string | null): string[] {
  if (!affected) return random.chance(0.5) ? ["not_treated"] : [];
  const answer = random.weighted<string>([["local", 70], ["outside", 5], ["not_sure", 5], [PREFER_NOT_TO_SAY, 3], ["unanswered", 17]]);
  if (answer === "unanswered") return [];
  if (answer !== "local") return [answer];
  const candidates = trustsByPlace[placeCode ?? ""] ?? trusts.map((trust) => trust.code);
  const chosen = random.sample(candidates, random.chance(0.3) ? 2 : 1);
  if (cancerType === "brain" && !chosen.includes("walton-centre")) chosen.push("walton-centre");
  return chosen;
}

function drawEquality(random: Random, person: Person, createdAt: Date, latest: Date): DemoEquality {
  const answer = <T extends string>(entries: [T, number][]): T | null => (random.chance(0.92) ? random.weighted(entries) : null);
  const ethnicGroup = answer([["white", 91], ["asian", 3], ["black", 2], ["mixed", 2], ["other", 1], [PREFER_NOT_TO_SAY, 1]]);
  const backgrounds = ethnicGroup && isEthnicGroupCode(ethnicGroup) ? ethnicBackgrounds[ethnicGroup].options.map((option) => option.code) : null;
  const isCarer = person.respondentTypes.includes("carer");
  return {
    ageBand: answer([
      ["under_18", 1], ["18_24", 3], ["25_34", 7], ["35_44", 12], ["45_54", 18], ["55_64", 22], ["65_74", 20], ["75_84", 11],
      ["85_plus", 2], [PREFER_NOT_TO_SAY, 4],
    ]),
    sex: answer([["female", 58], ["male", 38], [PREFER_NOT_TO_SAY, 4]]),
    genderSameAsBirth: answer([["yes", 95], ["no", 1], [PREFER_NOT_TO_SAY, 4]]),
    sexualOrientation: answer([["straight", 88], ["gay_lesbian", 3], ["bisexual", 2], ["other", 1], [PREFER_NOT_TO_SAY, 6]]),
    ethnicGroup,
    // Most people who give a group give a background too, always one listed for that group.
    ethnicBackground: backgrounds && random.chance(0.9) ? (ethnicGroup === "white" && random.chance(0.85) ? "british" : random.pick(backgrounds)) : null,
    religion: answer([
      ["christian", 55], ["none", 33], ["muslim", 3], ["hindu", 1], ["jewish", 1], ["buddhist", 1], ["sikh", 0.5], ["other", 1],
      [PREFER_NOT_TO_SAY, 5],
    ]),
    disability: answer([["yes_limited_a_lot", 12], ["yes_limited_a_little", 20], ["yes_not_limited", 15], ["no", 48], [PREFER_NOT_TO_SAY, 5]]),
    unpaidCarer: answer(
      isCarer
        ? [["yes_20_to_34", 20], ["yes_35_to_49", 20], ["yes_50_plus", 30], ["yes_10_to_19", 15], ["no", 10], [PREFER_NOT_TO_SAY, 5]]
        : [["no", 80], ["yes_up_to_9", 8], ["yes_10_to_19", 4], ["yes_50_plus", 3], [PREFER_NOT_TO_SAY, 5]],
    ),
    createdAt: minDate(new Date(createdAt.getTime() + random.int(60, 900) * 1000), latest).toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// What they wrote

const themeSlugs = themes.map((theme) => theme.slug);
const baseThemeWeights: Record<string, number> = {
  prevention: 5, "symptom-awareness": 5, screening: 5, "gp-access-referral": 9, "tests-faster-diagnosis": 9,
  "waiting-for-treatment": 8, "treatment-research-rarer": 5, "communication-involvement": 7, "coordination-key-contact": 7,
  "personalised-care": 5, "emotional-psychological-support": 6, "urgent-care-acute-oncology": 4, "palliative-end-of-life": 4,
  "carers-family": 4, "fairness-inequalities": 4, "travel-cost-closer-to-home": 6, "digital-access-admin": 4,
  "children-young-people": 2, other: 2,
};
/** Themes that people of each type write about more often than others. */
const favouredThemes: Record<string, readonly string[]> = {
  patient: ["tests-faster-diagnosis", "waiting-for-treatment", "personalised-care", "emotional-psychological-support"],
  carer: ["carers-family", "coordination-key-contact", "travel-cost-closer-to-home"],
  bereaved: ["palliative-end-of-life", "carers-family", "communication-involvement"],
  professional: ["coordination-key-contact", "fairness-inequalities", "digital-access-admin", "prevention"],
  public: ["prevention", "symptom-awareness", "screening", "gp-access-referral"],
  organisation: ["fairness-inequalities", "emotional-psychological-support", "children-young-people"],
};

function drawPriorities(random: Random, person: Person): PriorityDraft[] {
  const count = random.weighted([[1, 15], [2, 20], [3, 65]] as const);
  const favoured = new Set(person.respondentTypes.flatMap((type) => favouredThemes[type] ?? []));
  const weights = themeSlugs.map((slug) => [slug, (baseThemeWeights[slug] ?? 1) * (favoured.has(slug) ? 2.5 : 1)] as [string, number]);
  const style = random.weighted<WritingStyle>([["careful", 60], ["casual", 30], ["lower", 7], ["shouty", 3]]);

  const drafts: PriorityDraft[] = [];
  const used = new Set<string>();
  // People say who they are once, in one of their priorities.
  const context = { told: false };
  for (let rank = 1; rank <= count; rank += 1) {
    const main = random.weighted(weights.filter(([slug]) => !used.has(slug)));
    used.add(main);
    const extras = random.weighted([[0, 73], [1, 22], [2, 5]] as const);
    const themesOfText = [main, ...random.sample(themeSlugs.filter((slug) => slug !== main && slug !== "other"), extras)];
    drafts.push(writePriority(random, person, themesOfText, style, context));
  }
  return drafts;
}

type WritingStyle = "careful" | "casual" | "lower" | "shouty";

function writePriority(random: Random, person: Person, slugs: string[], style: WritingStyle, context: { told: boolean }): PriorityDraft {
  const [main, ...extras] = slugs as [string, ...string[]];
  const text = themeText[main]!;
  const length = random.weighted([["short", 20], ["medium", 55], ["long", 25]] as const);

  let core = fill(random, person, random.expand(random.pick(text.what)));
  for (const extra of extras) core += ` ${fill(random, person, random.expand(random.pick(themeText[extra]!.mention)))}`;

  let what: string;
  let why: string | null = null;
  const reasons = (count: number) =>
    random
      .sample(text.why, count)
      .map((template) => fill(random, person, random.expand(template)))
      .join(" ");
  if (length === "short") {
    what = core + random.weighted([["", 50], [".", 40], ["!", 10]]);
    if (random.chance(0.3)) why = reasons(1);
  } else if (length === "medium") {
    what = `${core}.`;
    if (random.chance(0.6)) why = reasons(random.chance(0.3) ? 2 : 1);
  } else {
    const contexts = contextSentences[person.respondentTypes[0] ?? "public"] ?? contextSentences.public!;
    const aboutMe = fill(random, person, random.expand(random.pick(contexts)));
    const placement = context.told ? "none" : random.weighted([["what", 40], ["why", 40], ["none", 20]] as const);
    if (placement !== "none") context.told = true;
    what = placement === "what" ? `${aboutMe} ${core}.` : `${core}.`;
    why = placement === "why" ? `${reasons(1)} ${aboutMe}` : reasons(2);
  }

  const typo = () => random.chance(demoRates.typos);
  return {
    what: restyle(random, typo() ? addTypos(random, what) : what, style),
    why: why === null ? null : restyle(random, typo() ? addTypos(random, why) : why, style),
    support: random.weighted<SupportNeeded | null>([["investment", 30], ["project_support", 22], ["both", 20], ["not_sure", 10], [null, 18]]),
    themeSlugs: slugs,
  };
}

function fill(random: Random, person: Person, template: string): string {
  const place = localPlaces.find((candidate) => candidate.code === person.placeCode)?.name ?? "our area";
  const trust = person.trusts.find((code) => hospitalsByTrust[code]) ?? trustsByPlace[person.placeCode ?? ""]?.[0] ?? "clatterbridge";
  return template
    .replaceAll("<cancer>", () => random.pick(cancerWords[person.cancerType ?? ""] ?? ["cancer"]))
    .replaceAll("<relative>", person.relative)
    .replaceAll("<place>", place)
    .replaceAll("<hospital>", () => random.pick(hospitalsByTrust[trust] ?? ["the hospital"]));
}

const misspellings: [RegExp, string][] = [
  [/\breceive\b/, "recieve"],
  [/\bdefinitely\b/, "definately"],
  [/\bseparate\b/, "seperate"],
  [/\bappointments\b/, "appointmnets"],
  [/\bbecause\b/, "becuase"],
  [/\breally\b/, "realy"],
  [/\bnecessary\b/, "neccessary"],
  [/\btheir\b/, "there"],
  [/\ba lot\b/, "alot"],
  [/\bwaiting\b/, "wating"],
];

function addTypos(random: Random, text: string): string {
  let result = text;
  for (let count = random.int(1, 2); count > 0; count -= 1) {
    const known = misspellings.filter(([pattern]) => pattern.test(result));
    if (known.length > 0 && random.chance(0.5)) {
      const [pattern, replacement] = random.pick(known);
      result = result.replace(pattern, replacement);
      continue;
    }
    const words = [...result.matchAll(/\b[a-z]{5,}\b/g)];
    if (words.length === 0) break;
    const word = random.pick(words);
    const at = random.int(1, word[0].length - 2);
    const letters = [...word[0]];
    const change = random.int(0, 2);
    if (change === 0) [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
    else if (change === 1) letters.splice(at, 1);
    else letters.splice(at, 0, letters[at]!);
    result = result.slice(0, word.index) + letters.join("") + result.slice(word.index + word[0].length);
  }
  return result;
}

function restyle(random: Random, text: string, style: WritingStyle): string {
  switch (style) {
    case "careful":
      return text;
    case "casual":
      return text.replace(/\bI\b/g, "i").replace(/ and /g, () => (random.chance(0.3) ? " & " : " and ")).replace(/\.$/, "");
    case "lower":
      return text.toLowerCase().replace(/[.]/g, "");
    case "shouty":
      return `${text.replace(/[.!]?$/, "")}${random.pick([" PLEASE", "!!", "!!!"])}`;
  }
}

/**
 * Adds a sentence to a random priority, to the "why" when there is one (where people tell their
 * story), otherwise the "what". Long texts are trimmed to their first sentence so the result stays
 * within the form's 1,000 characters.
 */
function plant(random: Random, priorities: PriorityDraft[], sentence: string): { rank: PriorityRank; field: "what" | "why" } {
  const index = random.int(0, priorities.length - 1);
  const priority = priorities[index]!;
  const field = priority.why !== null && random.chance(0.7) ? "why" : "what";
  const current = priority[field]!;
  const base = current.length + sentence.length > 950 ? (current.split(/(?<=[.!?])\s/)[0] ?? "").slice(0, 400) : current;
  const joined = /[.!?]$/.test(base) ? `${base} ${sentence}` : `${base}. ${sentence}`;
  priority[field] = random.chance(0.2) && field === "why" ? `${sentence} ${base}` : joined;
  return { rank: (index + 1) as PriorityRank, field };
}

/** A copy with small edits, as when someone sends their response again or pastes a shared text. */
function nearCopy(random: Random, priority: PriorityDraft): PriorityDraft {
  const edits: ((text: string) => string)[] = [
    (text) => text.charAt(0).toLowerCase() + text.slice(1),
    (text) => (/[.!]$/.test(text) ? text.slice(0, -1) : `${text}.`),
    (text) => (text.includes(" and ") ? text.replace(" and ", " & ") : `${text} Thank you.`),
    (text) => addTypos(random, text),
    (text) => `${text} Thanks.`,
  ];
  let what = priority.what;
  for (const edit of random.sample(edits, random.int(1, 2))) what = edit(what);
  if (what === priority.what) what = `${what} Thank you.`;
  return { ...priority, what, why: priority.why !== null && random.chance(0.2) ? null : priority.why };
}

// ---------------------------------------------------------------------------------------------
// Where the response is in triage: recent responses are mostly new; older ones mostly themed or
// closed; spam, tests and off-topic responses are excluded once a lead has seen them.

interface Triage {
  status: SubmissionStatus;
  excludedReason: ExclusionReason | null;
  version: number;
  updatedAt: Date;
}

const statusVersions: Record<SubmissionStatus, number> = { new: 1, in_review: 2, themed: 3, closed: 4, excluded: 2 };

function drawTriage(random: Random, kind: DemoResponseKind, createdAt: Date, until: Date, latest: Date): Triage {
  const ageDays = (until.getTime() - createdAt.getTime()) / DAY_MS;
  let status: SubmissionStatus;
  let excludedReason: ExclusionReason | null = null;
  if (kind === "spam" || kind === "test" || kind === "out_of_scope") {
    const excluded = ageDays > 7 && random.chance(0.9);
    status = excluded ? "excluded" : "new";
    excludedReason = excluded ? kind : null;
  } else if (kind === "exact_duplicate" && ageDays > 7 && random.chance(0.7)) {
    status = "excluded";
    excludedReason = "duplicate";
  } else if (ageDays <= 14) {
    status = random.weighted<SubmissionStatus>([["new", 75], ["in_review", 25]]);
  } else {
    status = random.weighted<SubmissionStatus>([["new", 12], ["in_review", 13], ["themed", 45], ["closed", 30]]);
  }
  const updatedAt = status === "new" ? createdAt : minDate(new Date(createdAt.getTime() + random.int(1, 240) * 3_600_000), latest);
  return { status, excludedReason, version: statusVersions[status], updatedAt };
}
