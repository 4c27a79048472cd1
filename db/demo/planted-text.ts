import type { FlagKind } from "../schema";
import type { Random } from "./random";

/**
 * Sentences the demo generator plants in some priorities: safety concerns and complaints (each
 * containing a phrase from db/safety-phrases.ts, named in `phrase`), and personal details of every
 * kind the report redaction must remove. All contact details are fictional: phone numbers are in
 * Ofcom's ranges reserved for drama, NHS numbers in the 999 range the NHS keeps for testing, email
 * addresses at example.com and example.org.
 */

export interface FlagSentence {
  template: string;
  phrase: string;
}

export const flagSentences: Record<FlagKind, readonly FlagSentence[]> = {
  safety: [
    { template: "My {dad|mum|nan|grandad} was neglected on the ward at night{ and left without a drink for hours|}.", phrase: "neglected" },
    { template: "I have had thoughts of self-harm since my diagnosis and didn't know who to tell.", phrase: "self-harm" },
    { template: "Some days I feel suicidal and there is nobody to talk to.", phrase: "suicidal" },
    { template: "My {husband|wife|mum|dad} was given the wrong medication on the ward and nobody has explained why.", phrase: "wrong medication" },
    { template: "A home carer has been abusive to my {mum|dad|nan} and we don't know who to tell.", phrase: "abusive" },
    { template: "I am not safe at home since my treatment started and I don't know where to turn.", phrase: "not safe at home" },
    { template: "My {mum|dad} developed pressure sores because nobody helped {her|him} move in bed.", phrase: "pressure sores" },
    { template: "The nurses said it was a medication error but nobody explained what happened.", phrase: "medication error" },
    { template: "There was a serious incident when my {husband|wife} was sent home too early and nobody has looked into it.", phrase: "serious incident" },
    { template: "I was left unattended in the corridor for hours after my procedure.", phrase: "left unattended" },
    { template: "Since the cancer came back I feel I have no reason to live.", phrase: "no reason to live" },
    { template: "My partner has been abusive since my diagnosis and appointments are the only time I get out.", phrase: "abusive" },
  ],
  complaint: [
    { template: "I want to complain about how my {mum|dad|husband|wife} was spoken to in clinic.", phrase: "complain" },
    { template: "I made a formal complaint about the delay in my diagnosis and have heard nothing back.", phrase: "formal complaint" },
    { template: "I complained to the hospital {twice|three times} and nothing has changed.", phrase: "complained" },
    { template: "I would like to make a complaint about the way my results were given.", phrase: "make a complaint" },
    { template: "We are taking legal action over my {mum's|dad's|husband's} missed diagnosis.", phrase: "legal action" },
    { template: "I believe it was negligence that my cancer was missed for a year.", phrase: "negligence" },
    { template: "My complaint to the trust was never answered.", phrase: "complaint" },
    { template: "I have gone to the ombudsman because nobody would listen.", phrase: "ombudsman" },
  ],
};

export const personalDetailKinds = ["name", "phone", "email", "nhs_number", "postcode", "date_of_birth", "address"] as const;
export type PlantedDetailKind = (typeof personalDetailKinds)[number];

export interface PlantedSentence {
  sentence: string;
  kind: PlantedDetailKind;
  /** Each value exactly as written: none may survive redaction. */
  values: string[];
}

const firstNames = [
  "John", "Mary", "Peter", "Susan", "David", "Margaret", "Paul", "Linda", "Michael", "Patricia", "Steven", "Karen", "Tom",
  "Emma", "Jack", "Chloe", "Mohammed", "Aisha", "Priya", "Sean", "Siobhan", "Kevin", "Joan", "Brian", "Jean", "Gary", "Lisa",
  "Tony", "Pauline", "Barbara", "Colin", "Denise", "Gemma", "Ryan", "Zainab", "Tariq", "Bernadette", "Declan",
];
const surnames = [
  "Smith", "Jones", "Williams", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Johnson", "Lewis", "Walker",
  "Robinson", "Thompson", "Watson", "Jackson", "Wright", "Hughes", "Edwards", "Patel", "Khan", "Murphy", "O'Neill",
  "McDonald", "O'Brien", "Kelly", "Doyle", "Okafor", "Nguyen", "Chen", "Ahmed", "Begum", "Kowalski", "Fitzgerald",
];
const relatives = ["husband", "wife", "partner", "son", "daughter", "mum", "dad", "sister", "brother"];
const streetNames = ["Acacia", "Church", "Mill", "Station", "Victoria", "Oak Tree", "Elm", "Beech", "Chestnut", "Rowan", "Holly", "Orchard", "Manor", "Albert", "Grange", "Poplar", "Sandy"];
const streetTypes = ["Road", "Street", "Avenue", "Lane", "Close", "Drive", "Grove", "Crescent", "Way", "Rd", "St", "Gardens", "Terrace"];
const lowerCaseStreetTypes = ["road", "street", "avenue", "lane", "grove", "crescent"];
/** Postcode districts in Cheshire and Merseyside (and the Isle of Man). */
const postcodeDistricts = [
  ...[1, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 31, 36].map((n) => `L${n}`),
  ...[1, 2, 3, 4, 41, 42, 43, 44, 45, 46, 47, 48, 49, 60, 61, 62, 63, 64, 65, 66].map((n) => `CH${n}`),
  ...[1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 16].map((n) => `WA${n}`),
  ...[1, 2, 5, 7, 8, 9, 10, 11, 12].map((n) => `CW${n}`),
  "SK9", "SK10", "SK11", "PR8", "PR9", "WN8", "IM1", "IM2",
];
const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function name(random: Random): { first: string; surname: string } {
  return { first: random.pick(firstNames), surname: random.pick(surnames) };
}

/** A contact address at example.com or example.org, as people make them from their names. */
export function exampleEmail(random: Random): string {
  const { first, surname } = name(random);
  const local = random
    .pick([`${first}.${surname}`, `${first[0]}${surname}${random.int(1, 99)}`, `${first}_${surname[0]}`])
    .toLowerCase()
    .replace(/'/g, "");
  return `${local}@${random.pick(["example.com", "example.org"])}`;
}

/** A phone number from Ofcom's drama ranges, in one of the ways people write numbers. */
function phoneNumber(random: Random): string {
  const tail3 = String(random.int(0, 999)).padStart(3, "0");
  const landline = random.pick(["0151", "0161", "0113", "0121"]);
  return random.pick([
    `07700 900${tail3}`,
    `07700900${tail3}`,
    `07700 900 ${tail3}`,
    `07700-900-${tail3}`,
    `+44 7700 900${tail3}`,
    `${landline} 496 0${tail3}`,
    `(${landline}) 496 0${tail3}`,
    `${landline}-496-0${tail3}`,
    `+44 (0)${landline.slice(1)} 496 0${tail3}`,
    `020 7946 0${tail3}`,
  ]);
}

/** An NHS number in the 999 test range that passes the modulus 11 check. */
export function testNhsNumber(random: Random): string {
  for (;;) {
    const digits = `999${String(random.int(0, 999_999)).padStart(6, "0")}`;
    let sum = 0;
    for (let index = 0; index < 9; index += 1) sum += Number(digits[index]) * (10 - index);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${digits}${check === 11 ? 0 : check}`;
  }
}

function formatNhsNumber(random: Random, digits: string): string {
  return random.pick([`${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`, digits, `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`]);
}

function postcode(random: Random): string {
  const outward = random.pick(postcodeDistricts);
  const inward = `${random.int(1, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
  return random.weighted([
    [`${outward} ${inward}`, 6],
    [`${outward}${inward}`, 2],
    [`${outward} ${inward}`.toLowerCase(), 2],
  ]);
}

function dateOfBirth(random: Random): string {
  const year = random.int(1935, 1985);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const ordinal = day === 1 || day === 21 ? "st" : day === 2 || day === 22 ? "nd" : day === 3 || day === 23 ? "rd" : "th";
  const two = (n: number) => String(n).padStart(2, "0");
  return random.pick([
    `${two(day)}/${two(month)}/${year}`,
    `${day}.${month}.${String(year).slice(2)}`,
    `${day}${ordinal} ${months[month - 1]} ${year}`,
    `${months[month - 1]} ${day}${ordinal}, ${year}`,
    `${day}-${month}-${year}`,
  ]);
}

function address(random: Random): string {
  const number = `${random.int(1, 240)}${random.chance(0.1) ? random.pick(["a", "b"]) : ""}`;
  const street = random.pick(streetNames);
  if (random.chance(0.15)) return `${number} ${street.toLowerCase()} ${random.pick(lowerCaseStreetTypes)}`;
  const house = `${number} ${street} ${random.pick(streetTypes)}`;
  return random.chance(0.2) ? `Flat ${random.int(1, 12)}, ${house}` : house;
}

/** A sentence carrying one personal detail of the given kind. */
export function plantedSentence(random: Random, kind: PlantedDetailKind): PlantedSentence {
  switch (kind) {
    case "name": {
      const { first, surname } = name(random);
      return random.pick<() => PlantedSentence>([
        () => ({ sentence: `My ${random.pick(relatives)} ${first} ${random.expand("{was let down badly|had to wait far too long|was treated with real kindness}")}.`, kind, values: [first] }),
        () => ({ sentence: `${random.pick(["Dr", "Mrs", "Mr"])} ${surname} ${random.expand("{was brilliant with us|never returned our calls|explained everything clearly}")}.`, kind, values: [surname] }),
        () => ({ sentence: `A nurse called ${first} ${random.expand("{made all the difference|stayed late to help us}")}.`, kind, values: [first] }),
        () => ({ sentence: `The consultant Mr ${surname} ${random.expand("{took time to listen|rushed the appointment}")}.`, kind, values: [surname] }),
        () => ({ sentence: `My ${random.pick(["son", "daughter"])} ${first}'s ${random.expand("{school|college|work} {didn't understand|was very supportive}")}.`, kind, values: [first] }),
        () => ({ sentence: `My ${random.pick(["wife", "husband", "partner"])}, ${first} ${surname}, ${random.expand("{had an operation cancelled twice|was seen quickly}")}.`, kind, values: [first, surname] }),
        () => ({ sentence: `My name is ${first} ${surname}${random.expand("{ and I'm happy to talk more| if you want to contact me|}")}.`, kind, values: [first, surname] }),
        () => ({ sentence: `Thanks, ${first}`, kind, values: [first] }),
      ])();
    }
    case "phone": {
      const value = phoneNumber(random);
      const template = random.pick(["You can ring me on {}.", "My number is {} if you want to talk.", "Call me on {}, I'm happy to help."]);
      return { sentence: template.replace("{}", value), kind, values: [value] };
    }
    case "email": {
      const value = exampleEmail(random);
      const template = random.pick(["Email me at {} if you want more detail.", "My email is {}.", "Contact me on {}"]);
      return { sentence: template.replace("{}", value), kind, values: [value] };
    }
    case "nhs_number": {
      const value = formatNhsNumber(random, testNhsNumber(random));
      const template = random.pick(["My NHS number is {} if you need to check my records.", "NHS number {}.", "(my NHS no. is {})", "My mum's NHS number is {}."]);
      return { sentence: template.replace("{}", value), kind, values: [value] };
    }
    case "postcode": {
      if (random.chance(0.3)) {
        const value = random.pick(postcodeDistricts);
        const template = random.pick(["I live in {} and the nearest hospital is miles away.", "People in the {} area struggle to get appointments.", "I'm from {}."]);
        return { sentence: template.replace("{}", value), kind, values: [value] };
      }
      const value = postcode(random);
      const template = random.pick(["I live in {}.", "Our postcode is {} if that helps.", "Send any information to {}."]);
      return { sentence: template.replace("{}", value), kind, values: [value] };
    }
    case "date_of_birth": {
      const value = dateOfBirth(random);
      const template = random.pick(["I was born {}.", "DOB {}.", "My date of birth is {}.", "d.o.b. {}"]);
      return { sentence: template.replace("{}", value), kind, values: [value] };
    }
    case "address": {
      const value = address(random);
      const template = random.pick(["I live at {}.", "Please write to me at {}.", "You can find me at {}, I'm happy to talk."]);
      return { sentence: template.replace("{}", value), kind, values: [value] };
    }
  }
}
