/**
 * Fixed answer lists for the public questions. Places and trusts are reference data in the
 * database (admins edit them); these lists change only with the questions themselves.
 */

export interface Option<Code extends string = string> {
  code: Code;
  label: string;
  hint?: string;
}

function codesOf<Code extends string>(options: readonly Option<Code>[]): Code[] {
  return options.map((option) => option.code);
}

export const PREFER_NOT_TO_SAY = "prefer_not_to_say";

export const supportOptions = [
  { code: "investment", label: "Investment", hint: "For example, money for staff, equipment or buildings" },
  { code: "project_support", label: "Project support", hint: "For example, time, people or expertise to change how things are done" },
  { code: "both", label: "Both" },
  { code: "not_sure", label: "Not sure" },
] as const satisfies readonly Option[];
export type SupportCode = (typeof supportOptions)[number]["code"];
export const supportCodes = codesOf(supportOptions);

export const respondentTypeOptions = [
  { code: "patient", label: "I have, or have had, cancer" },
  { code: "carer", label: "I care for, or have cared for, someone with cancer", hint: "Including family members and friends" },
  { code: "bereaved", label: "I have lost someone to cancer" },
  { code: "professional", label: "I work in health or care" },
  { code: "public", label: "I am a member of the public" },
  { code: "organisation", label: "I am responding on behalf of an organisation", hint: "For example, a charity, support group or community group" },
  { code: PREFER_NOT_TO_SAY, label: "Prefer not to say" },
] as const satisfies readonly Option[];
export type RespondentTypeCode = (typeof respondentTypeOptions)[number]["code"];
export const respondentTypeCodes = codesOf(respondentTypeOptions);

/** Answers to "where were you treated" that are not a trust in the reference list. */
export const trustOtherOptions = [
  { code: "outside", label: "A hospital outside Cheshire and Merseyside" },
  { code: "not_sure", label: "Not sure" },
  { code: "not_treated", label: "I have not been treated for cancer" },
  { code: PREFER_NOT_TO_SAY, label: "Prefer not to say" },
] as const satisfies readonly Option[];
export type TrustOtherCode = (typeof trustOtherOptions)[number]["code"];
export const trustOtherCodes = codesOf(trustOtherOptions);
/** Answers that cannot be combined with any other. */
export const exclusiveTrustCodes: readonly string[] = ["not_treated", PREFER_NOT_TO_SAY];

export const cancerTypeOptions = [
  { code: "bladder", label: "Bladder cancer" },
  { code: "blood", label: "Blood cancer", hint: "For example, leukaemia, lymphoma or myeloma" },
  { code: "bowel", label: "Bowel cancer" },
  { code: "brain", label: "Brain tumour" },
  { code: "breast", label: "Breast cancer" },
  { code: "gynaecological", label: "Gynaecological cancer", hint: "For example, cervical, ovarian or womb cancer" },
  { code: "head_and_neck", label: "Head and neck cancer" },
  { code: "kidney", label: "Kidney cancer" },
  { code: "liver_pancreas_upper_gi", label: "Liver, pancreatic, stomach or oesophageal cancer" },
  { code: "lung", label: "Lung cancer" },
  { code: "prostate", label: "Prostate cancer" },
  { code: "sarcoma", label: "Sarcoma" },
  { code: "skin", label: "Skin cancer", hint: "Including melanoma" },
  { code: "testicular", label: "Testicular cancer" },
  { code: "other", label: "Another type of cancer" },
  { code: "not_applicable", label: "Does not apply to me" },
  { code: PREFER_NOT_TO_SAY, label: "Prefer not to say" },
] as const satisfies readonly Option[];
export type CancerTypeCode = (typeof cancerTypeOptions)[number]["code"];
export const cancerTypeCodes = codesOf(cancerTypeOptions);

export const contactPreferenceOptions = [
  { code: "updates", label: "Email me about how people's views were used" },
  { code: "involvement", label: "Email me about ways to get involved", hint: "For example, joining a patient panel or focus group" },
] as const satisfies readonly Option[];
export type ContactPreferenceCode = (typeof contactPreferenceOptions)[number]["code"];
export const contactPreferenceCodes = codesOf(contactPreferenceOptions);

export function labelFor(options: readonly Option[], code: string | null | undefined): string | undefined {
  return options.find((option) => option.code === code)?.label;
}
