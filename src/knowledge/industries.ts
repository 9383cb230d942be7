/**
 * Industries reps name in other words. Each group holds the names accounts and entries usually carry
 * and the other words reps use for them; an industry whose name is in a group is written any of the
 * group's ways. Used to find an industry named in a question, and to count an entry that mentions one
 * as being about it.
 */
const INDUSTRY_GROUPS: ReadonlyArray<readonly string[]> = [
  [
    'healthcare',
    'health care',
    'hospital',
    'hospitals',
    'health system',
    'health systems',
    'healthcare providers',
  ],
  ['manufacturing', 'manufacturer', 'manufacturers', 'factories'],
  ['financial services', 'banking', 'fintech', 'financial institutions'],
  ['retail', 'retailer', 'retailers', 'e-commerce', 'ecommerce'],
  ['education', 'higher education', 'higher ed', 'universities', 'colleges', 'schools'],
  ['government', 'public sector', 'local government', 'state and local', 'municipalities'],
  ['logistics', 'transportation and logistics', 'transportation & logistics', '3pl', 'freight'],
  ['biotechnology', 'biotech', 'life sciences', 'pharma', 'pharmaceuticals'],
  ['insurance', 'insurers', 'insurance carriers'],
  ['legal services', 'law firms', 'law firm'],
  ['energy', 'utilities', 'energy utilities', 'energy and utilities', 'oil and gas'],
  ['hospitality', 'hotels', 'hotel groups', 'restaurants'],
  ['construction', 'contractors', 'general contractors', 'builders', 'homebuilders'],
  ['real estate', 'commercial real estate', 'property management', 'proptech'],
  ['telecommunications', 'telecom', 'telecoms', 'telcos'],
  ['media', 'media and entertainment', 'publishers', 'broadcasters'],
  ['agriculture', 'agribusiness', 'farms', 'farming'],
  ['automotive', 'car dealers', 'auto dealers', 'dealerships'],
  ['nonprofit', 'non-profit', 'nonprofits', 'non-profits', 'charities'],
  ['mining', 'mines'],
  ['food and beverage', 'food & beverage', 'food distributors', 'grocers', 'grocery'],
];

/**
 * Every industry known here by its usual name, whether or not a workspace has accounts in it: a question
 * about one nobody sells to ("How are construction firms reacting?") is about that industry all the same.
 */
export function knownIndustries(): string[] {
  return INDUSTRY_GROUPS.map((forms) => forms[0] as string);
}

/** A part of a joined industry name too short to name it alone: "gas" of "oil and gas", "DTC". */
const MIN_PART = 4;

/**
 * The ways an industry is written: its own name (lower-cased), the other words of its group and, for a
 * name that joins two industries ("Media & Streaming", "Travel and Hospitality"), each part and its
 * group: reps say "media deals" and "hospitality accounts".
 */
export function industryForms(industry: string): string[] {
  const name = industry.trim().toLowerCase();
  const parts = name.split(/\s+(?:&|and)\s+/).filter((part) => part.length >= MIN_PART);
  const named = parts.length > 1 ? [name, ...parts] : [name];
  const forms = named.flatMap((form) => [
    form,
    ...(INDUSTRY_GROUPS.find((group) => group.includes(form)) ?? []),
  ]);
  return [...new Set(forms)];
}
