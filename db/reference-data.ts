/**
 * Starting reference data. Seeded once (by code/slug) and then owned by admins: editing this file
 * does not change rows that already exist.
 */

export const defaultCampaign = {
  code: "ICCT",
  title: "Improving Cancer Care Together",
  status: "open",
  summary_due: "in spring 2027",
} as const;

const census2021 = {
  year: 2021,
  source: "ONS Census 2021, usual resident population (rounded to the nearest 100)",
};

export const places = [
  { code: "cheshire-east", name: "Cheshire East", kind: "place", population: 398_800 },
  { code: "cheshire-west", name: "Cheshire West and Chester", kind: "place", population: 357_200 },
  { code: "halton", name: "Halton", kind: "place", population: 128_200 },
  { code: "knowsley", name: "Knowsley", kind: "place", population: 154_500 },
  { code: "liverpool", name: "Liverpool", kind: "place", population: 486_100 },
  { code: "sefton", name: "Sefton", kind: "place", population: 279_300 },
  { code: "st-helens", name: "St Helens", kind: "place", population: 183_200 },
  { code: "warrington", name: "Warrington", kind: "place", population: 210_900 },
  { code: "wirral", name: "Wirral", kind: "place", population: 320_200 },
  { code: "isle-of-man", name: "Isle of Man", kind: "other", population: null },
  { code: "elsewhere", name: "Somewhere else", kind: "other", population: null },
].map((place, index) => ({
  ...place,
  kind: place.kind as "place" | "other",
  population_year: place.population === null ? null : census2021.year,
  population_source: place.population === null ? null : census2021.source,
  sort_order: index + 1,
}));

export const trusts = [
  { code: "clatterbridge", name: "The Clatterbridge Cancer Centre NHS Foundation Trust" },
  { code: "luhft", name: "Liverpool University Hospitals NHS Foundation Trust" },
  { code: "countess-of-chester", name: "Countess of Chester Hospital NHS Foundation Trust" },
  { code: "east-cheshire", name: "East Cheshire NHS Trust" },
  { code: "mid-cheshire", name: "Mid Cheshire Hospitals NHS Foundation Trust" },
  { code: "mwl", name: "Mersey and West Lancashire Teaching Hospitals NHS Trust" },
  { code: "warrington-halton", name: "Warrington and Halton Teaching Hospitals NHS Foundation Trust" },
  { code: "wirral-university", name: "Wirral University Teaching Hospital NHS Foundation Trust" },
  { code: "liverpool-heart-chest", name: "Liverpool Heart and Chest Hospital NHS Foundation Trust" },
  { code: "liverpool-womens", name: "Liverpool Women's NHS Foundation Trust" },
  { code: "alder-hey", name: "Alder Hey Children's NHS Foundation Trust" },
  { code: "walton-centre", name: "The Walton Centre NHS Foundation Trust" },
].map((trust, index) => ({ ...trust, sort_order: index + 1 }));

export const themes = [
  {
    slug: "prevention",
    name: "Prevention",
    description: "Reducing the risk of cancer: smoking, alcohol, weight, activity, sun safety, vaccination.",
    keywords: ["prevent", "prevention", "smoking", "stop smoking", "alcohol", "obesity", "weight", "exercise", "diet", "hpv", "vaccine", "sun"],
  },
  {
    slug: "symptom-awareness",
    name: "Symptom awareness",
    description: "Helping people know the signs and symptoms of cancer and act on them early.",
    keywords: ["symptom", "signs", "awareness", "lump", "aware", "know the signs", "campaign", "early signs"],
  },
  {
    slug: "screening",
    name: "Screening",
    description: "Bowel, breast, cervical and lung screening: uptake, access and invitations.",
    keywords: ["screening", "mammogram", "smear", "cervical", "bowel screening", "fit test", "lung health check", "breast screening"],
  },
  {
    slug: "gp-access-referral",
    name: "GP access and referral",
    description: "Getting a GP appointment, being listened to, and being referred quickly.",
    keywords: ["gp", "doctor", "appointment", "referral", "refer", "surgery", "receptionist", "two week wait", "listened"],
  },
  {
    slug: "tests-faster-diagnosis",
    name: "Tests and faster diagnosis",
    description: "Scans, biopsies and tests, and getting a diagnosis quickly.",
    keywords: ["scan", "test", "biopsy", "diagnosis", "diagnosed", "mri", "ct", "x-ray", "results", "rapid diagnostic", "endoscopy"],
  },
  {
    slug: "waiting-for-treatment",
    name: "Waiting for treatment",
    description: "Waiting times between diagnosis and treatment, and support while waiting.",
    keywords: ["wait", "waiting", "waiting list", "delay", "delayed", "months", "weeks", "cancelled", "postponed"],
  },
  {
    slug: "treatment-research-rarer",
    name: "Treatment, research and rarer cancers",
    description: "Access to treatments, clinical trials and specialist care for rarer cancers.",
    keywords: ["treatment", "chemo", "chemotherapy", "radiotherapy", "surgery", "trial", "research", "rare", "immunotherapy", "drug"],
  },
  {
    slug: "communication-involvement",
    name: "Communication and involvement",
    description: "Being told things clearly and kindly, and being involved in decisions about care.",
    keywords: ["communication", "explain", "information", "told", "involved", "decision", "listen", "compassion", "kindness", "jargon"],
  },
  {
    slug: "coordination-key-contact",
    name: "Coordination and key contact",
    description: "Nurse specialists, cancer support workers and a named person to contact; joined-up care.",
    keywords: ["nurse specialist", "cns", "key worker", "support worker", "contact", "coordinat", "joined up", "named nurse", "phone"],
  },
  {
    slug: "personalised-care",
    name: "Personalised care and life after cancer",
    description: "Recovery package, stratified follow-up, health and wellbeing, returning to work and living with and beyond cancer.",
    keywords: ["personalised", "care plan", "follow-up", "follow up", "after treatment", "recovery", "survivorship", "rehabilitation", "return to work", "wellbeing"],
  },
  {
    slug: "emotional-psychological-support",
    name: "Emotional and psychological support",
    description: "Counselling, mental health support, peer support and support groups.",
    keywords: ["emotional", "psychological", "mental health", "counselling", "counseling", "anxiety", "depression", "support group", "peer support", "lonely"],
  },
  {
    slug: "urgent-care-acute-oncology",
    name: "Urgent care during treatment",
    description: "Acute oncology: help when unwell during treatment, emergency admissions and A&E.",
    keywords: ["a&e", "emergency", "acute oncology", "hotline", "urgent", "admitted", "infection", "sepsis", "out of hours"],
  },
  {
    slug: "palliative-end-of-life",
    name: "Palliative and end of life care",
    description: "Care towards the end of life, hospice care and symptom control.",
    keywords: ["palliative", "end of life", "hospice", "dying", "terminal", "pain control", "last days"],
  },
  {
    slug: "carers-family",
    name: "Carers and family",
    description: "Support for carers and families, including after bereavement.",
    keywords: ["carer", "family", "husband", "wife", "partner", "children", "bereavement", "bereaved", "relatives"],
  },
  {
    slug: "fairness-inequalities",
    name: "Fairness and inequalities",
    description: "Fair access and outcomes for every community, whatever their background, disability or language.",
    keywords: ["inequality", "inequalities", "deprived", "deprivation", "fair", "language", "interpreter", "disability", "learning disability", "ethnic", "lgbt"],
  },
  {
    slug: "travel-cost-closer-to-home",
    name: "Travel, cost and care closer to home",
    description: "Travel, parking, costs of cancer and having care nearer home.",
    keywords: ["travel", "parking", "transport", "bus", "cost", "money", "closer to home", "local", "distance", "petrol", "benefits"],
  },
  {
    slug: "digital-access-admin",
    name: "Digital access and admin",
    description: "Patient portals, letters, results, appointments and records.",
    keywords: ["portal", "app", "letter", "letters", "online", "records", "admin", "booking", "digital", "email", "text message"],
  },
  {
    slug: "children-young-people",
    name: "Children and young people",
    description: "Cancer care for children, teenagers and young adults, and their families.",
    keywords: ["child", "children", "teenager", "young people", "young adult", "school", "paediatric"],
  },
  {
    slug: "other",
    name: "Other",
    description: "Priorities that do not fit another theme.",
    keywords: [],
  },
].map((theme, index) => ({ ...theme, sort_order: index + 1 }));
