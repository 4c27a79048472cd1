import type { FlagKind } from "./schema";

/**
 * Starting list of phrases that raise an automatic flag on a response: "safety" for a possible
 * risk to someone (self-harm, abuse, neglect, an incident) and "complaint" for a complaint about
 * someone's care. Matched case-insensitively on word boundaries, so inflections are listed
 * separately ("complain", "complained"). Seeded once by phrase and kind; admins maintain the list
 * in the safety_phrases table afterwards.
 *
 * A flag only asks a lead to read the response and signpost (PALS, the safeguarding lead, urgent
 * help): a phrase that sometimes matches harmless text is acceptable, a missed disclosure is not.
 * Words too common to be useful on their own ("fall", "hurt", "sue") are left out.
 */
export interface SafetyPhrase {
  phrase: string;
  kind: FlagKind;
}

const safety = [
  // Self-harm and suicide
  "self-harm",
  "self harm",
  "self-harming",
  "harm myself",
  "hurt myself",
  "kill myself",
  "end my life",
  "end it all",
  "take my own life",
  "suicide",
  "suicidal",
  "no reason to live",
  // Abuse
  "abuse",
  "abused",
  "abusive",
  "domestic abuse",
  "domestic violence",
  "hit me",
  "not safe at home",
  "afraid of him",
  "afraid of her",
  // Neglect
  "neglect",
  "neglected",
  "left unattended",
  "left in soiled",
  "pressure sores",
  "bed sores",
  "no food or water",
  // Incidents
  "incident",
  "serious incident",
  "medication error",
  "wrong medication",
  "wrong dose",
  "never event",
  "safeguarding",
];

const complaint = [
  "complain",
  "complained",
  "complaining",
  "complaint",
  "complaints",
  "formal complaint",
  "make a complaint",
  "negligence",
  "negligent",
  "legal action",
  "solicitor",
  "ombudsman",
];

export const safetyPhrases: readonly SafetyPhrase[] = [
  ...safety.map((phrase) => ({ phrase, kind: "safety" as const })),
  ...complaint.map((phrase) => ({ phrase, kind: "complaint" as const })),
];
