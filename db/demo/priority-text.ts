/**
 * The words demo priorities are built from, theme by theme, written the way patients, carers,
 * staff and the public write: "what" is the priority itself (no closing full stop: the generator
 * adds punctuation, or not), "why" is a reason, "mention" is a short clause that brings the theme
 * into another theme's priority ("Faster scans and cheaper parking").
 *
 * Templates use {a|b} for alternatives and <cancer>, <relative>, <place>, <hospital> for details
 * of the respondent. Nothing here may contain a phrase from db/safety-phrases.ts or anything that
 * looks like a personal detail: tests check both.
 */

export interface ThemeText {
  what: readonly string[];
  why: readonly string[];
  mention: readonly string[];
}

export const themeText: Record<string, ThemeText> = {
  prevention: {
    what: [
      "More help to stop smoking{, especially in {poorer areas|our communities|places like Knowsley and Halton}|}",
      "{Stop smoking|Quit smoking} services {in every GP surgery|in local pharmacies|that are easy to get to|that don't just hand you a leaflet}",
      "Education in schools about {healthy eating|alcohol|sun safety|smoking and vaping} and cancer risk",
      "Make it easier to eat healthily and be active{ - cheaper gym access, safe parks, cooking classes|}",
      "More awareness of how {alcohol|being overweight|smoking} raises your risk of cancer",
      "HPV vaccine catch-up for {young people who missed it|boys and girls who missed it at school}",
      "prevention prevention prevention",
      "Cheaper healthy food and free exercise classes{ in the community|}",
      "Weight management support that actually works{, not just a leaflet|}",
      "Health checks in the community to talk about {lifestyle|smoking, drinking and diet}",
    ],
    why: [
      "Lots of cancers could be prevented{ and it would save the NHS money|}.",
      "Prevention is better than cure.",
      "{People|Families} round here smoke a lot and {nobody offers real help to stop|the help to stop is hard to find}.",
      "It is cheaper to stop cancer happening than to treat it.",
      "My {dad|uncle|grandad} smoked all his life and nobody ever talked to him about quitting.",
      "Kids copy what they see and {healthy habits|bad habits} start young.",
    ],
    mention: ["and more help to stop smoking", "plus education about alcohol and cancer"],
  },
  "symptom-awareness": {
    what: [
      "More {adverts|campaigns|posters} about the signs of {bowel|lung|breast|ovarian|skin|prostate} cancer",
      "Teach people the early signs of cancer{ so they go to the GP sooner|}",
      "Awareness of symptoms in {men|younger people|older people|working age people}, who often ignore them",
      "Symptom awareness sessions at {work places|football clubs|community centres|mosques and churches|schools and colleges}",
      "Know the signs campaigns in {supermarkets|chemists|GP waiting rooms|on buses and trains}",
      "{Make|Help} people aware that a cough that won't go away could be lung cancer",
      "Awareness",
      "Information about symptoms in plain language{ and other languages|}",
    ],
    why: [
      "I had symptoms for months and didn't realise they were serious.",
      "People don't go to the doctor because they don't know what to look out for.",
      "Catching it early makes such a difference to survival.",
      "Men especially {put things off|don't like going to the doctor}.",
      "I had no idea {a lump|a change in bowel habits|a persistent cough|a mole changing} could be cancer.",
    ],
    mention: ["and more awareness of the early signs", "and campaigns about symptoms"],
  },
  screening: {
    what: [
      "Better uptake of {bowel|breast|cervical} screening{ in our area|, especially in <place>|}",
      "Extend the lung health check to {everyone who has smoked|more areas|all of Cheshire and Merseyside}",
      "Evening and weekend {smear|mammogram|screening} appointments for people who work",
      "Make the bowel screening {fit test|kit} easier to do{ and explain it better|}",
      "Mobile breast screening units in {supermarket car parks|town centres|rural areas}",
      "Screening for people with learning disabilities{ that is properly adapted|}",
      "Lower the age for {bowel|breast} screening",
      "Reminders by text for screening{ appointments|}",
      "Screening",
    ],
    why: [
      "My cancer was found through screening and it saved my life.",
      "{Smear tests|Mammograms} are hard to fit around work and childcare.",
      "Lots of people bin the kit because they are embarrassed.",
      "Screening finds cancer before there are any symptoms.",
      "I didn't know I was eligible until a friend told me.",
    ],
    mention: ["and more screening", "and better screening uptake"],
  },
  "gp-access-referral": {
    what: [
      "Being able to get a GP appointment{ without ringing at 8am| when you need one|}",
      "GPs listening to patients and referring sooner",
      "Faster referral from the GP to the hospital{ on the two week wait|}",
      "GPs who take {women|young people|older people|people with learning disabilities} seriously when they keep coming back",
      "More face to face GP appointments",
      "Receptionists should not be deciding who needs to see a doctor",
      "GP access",
      "Better training for GPs to spot rarer cancers",
      "Being listened to by the GP{ the first time|}",
    ],
    why: [
      "I went to my GP {three|four|five|six} times before I was referred.",
      "It took {weeks|a month|nearly two months} just to get an appointment.",
      "I was told it was {IBS|a chest infection|my age|stress|hormones|piles} and it turned out to be cancer.",
      "You ring at 8am and all the appointments have gone by five past.",
      "If the GP had referred me sooner my treatment would have been easier.",
    ],
    mention: ["and easier GP appointments", "and GPs who listen"],
  },
  "tests-faster-diagnosis": {
    what: [
      "Faster {scans|tests|diagnosis|results}",
      "Quicker access to {CT|MRI|PET} scans{ and biopsies|}",
      "Get results to patients within days, not weeks",
      "More rapid diagnostic centres{ closer to home|}",
      "Reduce the wait between tests and a diagnosis",
      "One stop clinics where you have all your tests on the same day",
      "{Endoscopy|Colonoscopy} waiting times need to come down",
      "faster diagnosis!!",
      "More scanners and the staff to run them{ in the evenings and at weekends|}",
    ],
    why: [
      "The waiting for results was the worst part{, worse than the treatment|}.",
      "I waited {6|8|10|12} weeks for a scan result.",
      "Every week of waiting the cancer can grow.",
      "Not knowing is agony for the whole family.",
      "My <relative> had {three|four} scans before anyone told us anything.",
    ],
    mention: ["and faster test results", "and quicker scans"],
  },
  "waiting-for-treatment": {
    what: [
      "Shorter waits between diagnosis and treatment",
      "Start treatment within {the 62 day target|a month of diagnosis}",
      "Stop cancelling {operations|appointments} at the last minute",
      "Support for people while they are waiting for treatment",
      "Reduce waiting lists for {surgery|radiotherapy|chemotherapy}",
      "Tell people how long they will wait and keep them updated",
      "Waiting times",
      "More theatre time for cancer operations",
    ],
    why: [
      "My {operation|surgery} was cancelled {twice|three times}.",
      "We were left for {weeks|months} with no idea when treatment would start.",
      "Waiting makes the anxiety so much worse.",
      "My <relative> waited {10|12|14} weeks to start treatment.",
      "The 62 day target is meaningless if nobody meets it.",
    ],
    mention: ["and shorter waiting times", "and no more cancelled operations"],
  },
  "treatment-research-rarer": {
    what: [
      "Access to {clinical trials|new treatments|immunotherapy} for everyone, not just in the big centres",
      "Better treatment for rarer cancers like {sarcoma|mesothelioma|pancreatic cancer|brain tumours}",
      "More research into {pancreatic|ovarian|brain|secondary breast} cancer",
      "Tell patients about trials they could take part in",
      "Specialist teams for rare cancers in our region",
      "More radiotherapy machines{ so people aren't waiting|}",
      "The newest drugs available here, not just in London",
      "Research",
    ],
    why: [
      "My <relative> had a rare cancer and nobody locally knew much about it.",
      "We had to find out about the trial ourselves.",
      "Survival for some cancers hasn't changed in decades.",
      "Research gives people hope.",
      "We shouldn't have to travel to Manchester or London for the best treatment.",
    ],
    mention: ["and access to trials", "and more research"],
  },
  "communication-involvement": {
    what: [
      "Doctors explaining things in plain English{, without the jargon|}",
      "Being involved in decisions about my treatment",
      "Bad news given in person, {in a private room|with time to ask questions|not over the phone}",
      "Be honest with patients and families",
      "Better communication between staff and patients",
      "Written information to take home after appointments",
      "Staff training in compassion and {how to talk to patients|breaking bad news}",
      "communication",
      "Ask patients what matters to them",
    ],
    why: [
      "I was told I had cancer {in a corridor|over the phone|with no one with me}.",
      "I came out of appointments not understanding what had been said.",
      "Nobody asked what mattered to me.",
      "The kindness of some staff made all the difference{, but not everyone was like that|}.",
      "We felt like decisions were made about us, not with us.",
    ],
    mention: ["and clearer explanations", "and being told things honestly"],
  },
  "coordination-key-contact": {
    what: [
      "A named {nurse specialist|key worker|cancer support worker} for every patient",
      "One number to call{ that someone actually answers|}",
      "More clinical nurse specialists{ - they are overstretched|}",
      "Joined up care between {the GP and the hospital|different hospitals|the hospital and community services}",
      "Someone to coordinate all the appointments",
      "Departments talking to each other{ so I don't have to repeat my story|}",
      "key worker for everyone",
      "A single point of contact from diagnosis onwards",
    ],
    why: [
      "I had {five|six|seven} different appointments at {three|four} different places and no one linking them up.",
      "My nurse specialist was a lifeline{, but she had far too many patients|}.",
      "Nobody seemed to know who was in charge of my care.",
      "I kept having to tell my story again and again.",
      "When I rang the number it went to voicemail for days.",
    ],
    mention: ["and a named person to contact", "and joined up care"],
  },
  "personalised-care": {
    what: [
      "Proper follow-up after treatment finishes",
      "Support to get back to work after cancer",
      "A care plan that is written with me, not for me",
      "Help with the long term side effects of treatment{ like fatigue and lymphoedema|}",
      "Health and wellbeing events for people finishing treatment",
      "Exercise and rehabilitation programmes after cancer",
      "Life after cancer support",
      "Support with {menopause symptoms|bowel problems|fatigue|memory problems} after treatment",
    ],
    why: [
      "Once treatment finished I felt dropped{ - like falling off a cliff|}.",
      "Nobody told me about the side effects that would last for years.",
      "Getting back to normal is harder than people think.",
      "I had to give up work and there was no help to go back.",
      "Living with cancer is a long term thing now and services haven't caught up.",
    ],
    mention: ["and support after treatment ends", "and help with side effects"],
  },
  "emotional-psychological-support": {
    what: [
      "Counselling for {patients|families|patients and families} {at diagnosis|during treatment|after treatment}",
      "Mental health support for people with cancer{ without a long wait|}",
      "More support groups{ in the evenings| for men| for young people| in our area}",
      "Peer support from people who have been through it",
      "Someone to talk to",
      "Psychological support as part of routine cancer care",
      "Support for anxiety about cancer coming back",
    ],
    why: [
      "The emotional side is never talked about.",
      "I struggled with {anxiety|depression|panic attacks} and the waiting list for counselling was months.",
      "Talking to other people who understood helped me more than anything.",
      "You feel so lonely {after treatment ends|when everyone else gets on with their lives}.",
      "My <relative> still has nightmares about it.",
    ],
    mention: ["and someone to talk to", "and counselling"],
  },
  "urgent-care-acute-oncology": {
    what: [
      "A 24 hour hotline for people on chemo{ that gets you seen quickly|}",
      "Chemo patients should not have to sit in A&E for hours{ with no immune system|}",
      "Better out of hours care for people having treatment",
      "Direct admission to the cancer ward instead of going through A&E",
      "A&E staff who understand {neutropenic sepsis|cancer treatment side effects}",
      "More acute oncology nurses",
    ],
    why: [
      "I sat in A&E for {8|10|12} hours with an infection during chemo.",
      "When you are on chemo an infection can be life threatening.",
      "Nobody in A&E knew what to do with a cancer patient.",
      "The hotline was brilliant when it worked.",
    ],
    mention: ["and better urgent care during treatment", "and a hotline that answers"],
  },
  "palliative-end-of-life": {
    what: [
      "More hospice beds{ in our area|}",
      "Better end of life care at home",
      "Palliative care available {24/7|at weekends|out of hours}",
      "Support for people to die where they choose",
      "Earlier conversations about end of life care",
      "Pain control at home without waiting {hours|days} for the district nurses",
    ],
    why: [
      "My <relative> wanted to die at home but there wasn't the support.",
      "The hospice were amazing{, but the wait for a bed was too long|}.",
      "Families need help in the last days, especially at night.",
      "Nobody talked to us about what was happening until the very end.",
    ],
    mention: ["and better end of life care", "and more hospice care"],
  },
  "carers-family": {
    what: [
      "Support for carers{, we are forgotten|}",
      "Help for families{ of people with cancer|}, especially children",
      "Bereavement support for families after someone dies",
      "Carers' needs assessed and acted on",
      "Respite for carers",
      "Include family in conversations{ if the patient wants them there|}",
    ],
    why: [
      "As a carer I was exhausted and nobody asked how I was.",
      "I gave up work to look after my <relative>.",
      "After my <relative> died we were just left.",
      "Our children didn't understand what was going on and there was no help.",
    ],
    mention: ["and support for carers", "and help for families"],
  },
  "fairness-inequalities": {
    what: [
      "Equal access to cancer care wherever you live{ in Cheshire and Merseyside|}",
      "Interpreters at {every|all} appointments{, not family members|}",
      "Reach out to {deprived|poorer|minority ethnic} communities{ where people are dying younger|}",
      "Information in {easy read|other languages|large print}",
      "Make services accessible for people with {learning disabilities|disabilities|autism|sight loss}",
      "LGBT+ friendly cancer services",
      "Tackle the postcode lottery",
    ],
    why: [
      "People in the poorest areas are diagnosed later and die sooner.",
      "My <relative> doesn't speak English and we had to translate bad news ourselves.",
      "Not everyone can read a long letter or use the internet.",
      "Where you live shouldn't decide whether you survive.",
    ],
    mention: ["and fairer access for everyone", "and interpreters when needed"],
  },
  "travel-cost-closer-to-home": {
    what: [
      "Free parking for cancer patients{ and their families|}",
      "More treatment closer to home{ so we don't have to travel to {Liverpool|Clatterbridge|Manchester}|}",
      "Help with the cost of travel to appointments",
      "Transport for people who can't drive{ or get a bus|}",
      "Chemo at home or in the community",
      "Financial advice and help with benefits",
      "parking",
      "Cheaper parking at <hospital>",
    ],
    why: [
      "Parking costs us {£20|£30|£50|over £100} a week{ during radiotherapy|}.",
      "It is {two|three} buses each way to get to treatment.",
      "I lost my income and the bills didn't stop.",
      "Travelling for treatment every day when you are exhausted is awful.",
    ],
    mention: ["and cheaper parking", "and help with travel costs"],
  },
  "digital-access-admin": {
    what: [
      "Results on the NHS App{ as soon as they are ready|}",
      "Letters arriving before the appointment, not after",
      "One patient record that every hospital can see",
      "Text reminders for appointments",
      "Being able to rebook appointments online",
      "Don't make everything online{ - not everyone has a smartphone|}",
      "Better admin{ - lost referrals, wrong letters|}",
    ],
    why: [
      "My appointment letter arrived {the day after|a week after} the appointment.",
      "I rang the hospital {ten|twenty} times to get my results.",
      "Every hospital has a different system and they can't see each other's notes.",
      "Older people like my <relative> can't use apps.",
    ],
    mention: ["and letters that arrive on time", "and results on the app"],
  },
  "children-young-people": {
    what: [
      "Better support for teenagers and young adults with cancer",
      "Help for children {whose parent has cancer|when a parent is dying}",
      "Specialist young people's services{ closer to home|}",
      "Support for young people to keep up with school or college",
      "Take young people's symptoms seriously",
      "Fertility advice for young people before treatment",
    ],
    why: [
      "Young people fall between children's and adult services.",
      "My {son|daughter} was {17|19|22} and was treated on a ward with people in their eighties.",
      "Doctors kept saying {she|he} was too young to have cancer.",
      "Our {children|kids} struggled at school when I was ill and nobody helped.",
    ],
    mention: ["and support for young people", "and help for children"],
  },
  other: {
    what: [
      "Better food on the wards",
      "Wi-fi and phone charging in the chemo unit",
      "More comfortable chairs in waiting rooms",
      "Free hospital TV for patients on long stays",
      "Wigs and headwear on the NHS{ for everyone who needs them|}",
      "A quiet room for families in every department",
      "Keep up the good work",
      "Just thank you to all the staff",
    ],
    why: [
      "Little things make a big difference when you are in hospital for weeks.",
      "It's not a priority for the NHS but it matters to patients.",
      "Everyone was lovely, I just think it could be better.",
    ],
    mention: ["and better food on the wards", "and comfier chairs"],
  },
};

/** A sentence about the respondent, by respondent type, to open a longer priority. */
export const contextSentences: Record<string, readonly string[]> = {
  patient: [
    "I was diagnosed with <cancer> {last year|in 2021|in 2022|two years ago|in 2019|earlier this year}.",
    "I'm {currently having|halfway through|just finishing} treatment for <cancer>.",
    "I've had <cancer> {twice|and I'm now in remission}.",
    "As someone living with <cancer>, this matters to me.",
    "I was treated at <hospital>.",
  ],
  carer: [
    "I care for my <relative> who has <cancer>.",
    "My <relative> was diagnosed with <cancer> {last year|this year|in 2022} and I'm the main carer.",
    "I've been looking after my <relative> through {chemo|radiotherapy|surgery and chemo}.",
  ],
  bereaved: [
    "We lost my <relative> to <cancer> {last year|in 2022|in 2023|two years ago}.",
    "My <relative> died of <cancer> {last year|in 2021|in 2023}.",
  ],
  professional: [
    "I work as a {practice nurse|district nurse|radiographer|GP receptionist|pharmacist|healthcare assistant|physiotherapist|cancer care navigator} in <place>.",
    "I've worked in cancer services for {ten|fifteen|twenty} years.",
    "I see this every day in my job.",
  ],
  public: [
    "I haven't had cancer myself but {my family has|several friends have|I know lots of people who have}.",
    "Cancer affects {nearly every family|everyone} in some way.",
  ],
  organisation: [
    "Our {support group|charity|community group} works with people affected by cancer in <place>.",
    "This is the view of our members{ after a group discussion|}.",
  ],
};

/** Texts for responses a lead would exclude. */
export const excludedText = {
  spam: [
    "Buy cheap {watches|sunglasses|supplements} at www.example.com {best prices|!!!}",
    "Great website, visit example.org for {crypto|loans|free gifts}",
    "asdfghjkl",
    "Click here http://example.com/offer",
  ],
  test: ["test", "testing 123", "This is a test response, please ignore", "TEST - ignore"],
  out_of_scope: [
    "{Bin collections|Potholes on the roads|Council tax} {are a disgrace|need sorting out}",
    "More NHS dentists{ please|}",
    "Fix the trains{ between Liverpool and Chester|}",
    "Cut waiting times for hip operations",
  ],
} as const;
