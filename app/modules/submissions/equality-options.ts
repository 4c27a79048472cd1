import type { EqualityAnswerTable } from "~db/schema";

import { PREFER_NOT_TO_SAY, type Option } from "./options";

/**
 * Equality monitoring questions, following the GOV.UK "Equality information" pattern and the
 * 2021 Census (England) categories. Every question is optional and offers "Prefer not to say".
 */

const preferNotToSay = { code: PREFER_NOT_TO_SAY, label: "Prefer not to say" } as const;

export interface EqualityQuestion {
  name: string;
  legend: string;
  hint?: string;
  options: readonly Option[];
}

export const equalityQuestions = [
  {
    name: "ageBand",
    legend: "What is your age?",
    options: [
      { code: "under_18", label: "Under 18" },
      { code: "18_24", label: "18 to 24" },
      { code: "25_34", label: "25 to 34" },
      { code: "35_44", label: "35 to 44" },
      { code: "45_54", label: "45 to 54" },
      { code: "55_64", label: "55 to 64" },
      { code: "65_74", label: "65 to 74" },
      { code: "75_84", label: "75 to 84" },
      { code: "85_plus", label: "85 or over" },
      preferNotToSay,
    ],
  },
  {
    name: "sex",
    legend: "What is your sex?",
    options: [{ code: "female", label: "Female" }, { code: "male", label: "Male" }, preferNotToSay],
  },
  {
    name: "genderSameAsBirth",
    legend: "Is the gender you identify with the same as your sex registered at birth?",
    options: [{ code: "yes", label: "Yes" }, { code: "no", label: "No" }, preferNotToSay],
  },
  {
    name: "sexualOrientation",
    legend: "Which of the following best describes your sexual orientation?",
    options: [
      { code: "straight", label: "Straight or heterosexual" },
      { code: "gay_lesbian", label: "Gay or lesbian" },
      { code: "bisexual", label: "Bisexual" },
      { code: "other", label: "Other sexual orientation" },
      preferNotToSay,
    ],
  },
  {
    name: "ethnicGroup",
    legend: "What is your ethnic group?",
    options: [
      { code: "asian", label: "Asian or Asian British" },
      { code: "black", label: "Black, Black British, Caribbean or African" },
      { code: "mixed", label: "Mixed or multiple ethnic groups" },
      { code: "white", label: "White" },
      { code: "other", label: "Other ethnic group" },
      preferNotToSay,
    ],
  },
  {
    name: "religion",
    legend: "What is your religion?",
    options: [
      { code: "none", label: "No religion" },
      { code: "christian", label: "Christian", hint: "Including Church of England, Catholic, Protestant and all other Christian denominations" },
      { code: "buddhist", label: "Buddhist" },
      { code: "hindu", label: "Hindu" },
      { code: "jewish", label: "Jewish" },
      { code: "muslim", label: "Muslim" },
      { code: "sikh", label: "Sikh" },
      { code: "other", label: "Any other religion" },
      preferNotToSay,
    ],
  },
  {
    name: "disability",
    legend: "Do you have any physical or mental health conditions or illness lasting or expected to last 12 months or more?",
    options: [
      { code: "yes_limited_a_lot", label: "Yes, and it reduces my ability to carry out day-to-day activities a lot" },
      { code: "yes_limited_a_little", label: "Yes, and it reduces my ability to carry out day-to-day activities a little" },
      { code: "yes_not_limited", label: "Yes, but it does not reduce my ability to carry out day-to-day activities" },
      { code: "no", label: "No" },
      preferNotToSay,
    ],
  },
  {
    name: "unpaidCarer",
    legend:
      "Do you look after, or give any help or support to, anyone because they have long-term physical or mental health conditions or illnesses, or problems related to old age?",
    hint: "Do not count anything you do as part of your paid employment",
    options: [
      { code: "no", label: "No" },
      { code: "yes_up_to_9", label: "Yes, 9 hours a week or less" },
      { code: "yes_10_to_19", label: "Yes, 10 to 19 hours a week" },
      { code: "yes_20_to_34", label: "Yes, 20 to 34 hours a week" },
      { code: "yes_35_to_49", label: "Yes, 35 to 49 hours a week" },
      { code: "yes_50_plus", label: "Yes, 50 or more hours a week" },
      preferNotToSay,
    ],
  },
] as const satisfies readonly EqualityQuestion[];

export type EqualityFieldName = (typeof equalityQuestions)[number]["name"];

/** The equality_answers column that keeps each question's answer. */
export const equalityAnswerColumns = {
  ageBand: "age_band",
  sex: "sex",
  genderSameAsBirth: "gender_same_as_birth",
  sexualOrientation: "sexual_orientation",
  ethnicGroup: "ethnic_group",
  religion: "religion",
  disability: "disability",
  unpaidCarer: "unpaid_carer",
} as const satisfies Record<EqualityFieldName, keyof EqualityAnswerTable>;
export type EthnicGroupCode = "asian" | "black" | "mixed" | "white" | "other";

/** Census 2021 (England) ethnic backgrounds, asked after the ethnic group. */
export const ethnicBackgrounds: Record<EthnicGroupCode, { legend: string; options: readonly Option[] }> = {
  asian: {
    legend: "Which of the following best describes your Asian or Asian British background?",
    options: [
      { code: "bangladeshi", label: "Bangladeshi" },
      { code: "chinese", label: "Chinese" },
      { code: "indian", label: "Indian" },
      { code: "pakistani", label: "Pakistani" },
      { code: "other_asian", label: "Any other Asian background" },
      preferNotToSay,
    ],
  },
  black: {
    legend: "Which of the following best describes your Black, Black British, Caribbean or African background?",
    options: [
      { code: "african", label: "African" },
      { code: "caribbean", label: "Caribbean" },
      { code: "other_black", label: "Any other Black, Black British or Caribbean background" },
      preferNotToSay,
    ],
  },
  mixed: {
    legend: "Which of the following best describes your mixed or multiple ethnic groups background?",
    options: [
      { code: "white_asian", label: "White and Asian" },
      { code: "white_black_african", label: "White and Black African" },
      { code: "white_black_caribbean", label: "White and Black Caribbean" },
      { code: "other_mixed", label: "Any other mixed or multiple ethnic background" },
      preferNotToSay,
    ],
  },
  white: {
    legend: "Which of the following best describes your White background?",
    options: [
      { code: "british", label: "English, Welsh, Scottish, Northern Irish or British" },
      { code: "irish", label: "Irish" },
      { code: "gypsy_traveller", label: "Gypsy or Irish Traveller" },
      { code: "roma", label: "Roma" },
      { code: "other_white", label: "Any other White background" },
      preferNotToSay,
    ],
  },
  other: {
    legend: "Which of the following best describes your background?",
    options: [{ code: "arab", label: "Arab" }, { code: "any_other", label: "Any other ethnic group" }, preferNotToSay],
  },
};

export function isEthnicGroupCode(code: string): code is EthnicGroupCode {
  return Object.hasOwn(ethnicBackgrounds, code);
}
