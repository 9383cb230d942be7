/**
 * Industries reps name in other words, by the name accounts and entries usually carry. Used to find an
 * industry named in a question, and to count an entry that mentions one as being about it.
 */
const INDUSTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  healthcare: [
    'health care',
    'hospital',
    'hospitals',
    'health system',
    'health systems',
    'healthcare providers',
  ],
  manufacturing: ['manufacturer', 'manufacturers', 'manufacturing companies', 'factories'],
  'financial services': ['banking', 'fintech', 'financial institutions'],
  retail: ['retailer', 'retailers', 'e-commerce', 'ecommerce'],
  education: ['higher education', 'higher ed', 'universities', 'schools'],
  government: ['public sector'],
  logistics: ['logistics companies', '3pl', 'freight'],
};

/** The ways an industry is written: its own name (lower-cased) and its common other words. */
export function industryForms(industry: string): string[] {
  const name = industry.trim().toLowerCase();
  return [name, ...(INDUSTRY_ALIASES[name] ?? [])];
}
