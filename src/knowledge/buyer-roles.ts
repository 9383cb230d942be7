/**
 * The buyer roles entries are tagged with and questions name, each with the other ways reps write it.
 * One list, so an import, a form, the CLI and a question all mean the same "CFO". Aliases are matched
 * lower-case with dots dropped and other punctuation folded to spaces ("V.P. Sales" is "vp sales").
 */
export const BUYER_ROLES = {
  CFO: ['chief financial officer', 'finance leader', 'finance lead', 'head of finance', 'finance chief'],
  Controller: ['financial controller', 'comptroller', 'finance controller'],
  'VP Finance': ['vp of finance', 'vice president finance', 'vice president of finance', 'finance director'],
  CEO: ['chief executive officer', 'chief executive'],
  COO: ['chief operating officer', 'head of operations', 'operations leader'],
  CIO: ['chief information officer', 'head of it', 'it director', 'it leader'],
  CTO: ['chief technology officer', 'head of engineering', 'vp engineering', 'vp of engineering'],
  CISO: ['chief information security officer', 'security leader', 'head of security', 'security officer'],
  'VP Sales': [
    'vp of sales',
    'vice president sales',
    'vice president of sales',
    'sales leader',
    'head of sales',
    'cro',
    'chief revenue officer',
  ],
  'VP Marketing': [
    'vp of marketing',
    'vice president marketing',
    'vice president of marketing',
    'cmo',
    'chief marketing officer',
    'head of marketing',
  ],
  'IT admin': [
    'it administrator',
    'it admins',
    'it admin',
    'sysadmin',
    'system administrator',
    'systems administrator',
  ],
  Procurement: [
    'procurement lead',
    'purchasing',
    'buyer in procurement',
    'sourcing manager',
    'procurement team',
  ],
  Legal: ['general counsel', 'legal counsel', 'lawyer', 'legal team'],
  'AP manager': [
    'accounts payable manager',
    'ap clerk',
    'ap lead',
    'accounts payable lead',
    'payables manager',
  ],
} as const satisfies Record<string, readonly string[]>;

export type BuyerRole = keyof typeof BUYER_ROLES;

export const BUYER_ROLE_NAMES = Object.keys(BUYER_ROLES) as BuyerRole[];

/** Lower-case, punctuation as spaces, single spaces: the form names and aliases are compared in. */
export function roleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ROLE_BY_KEY = new Map<string, BuyerRole>();
for (const role of BUYER_ROLE_NAMES) {
  ROLE_BY_KEY.set(roleKey(role), role);
  for (const alias of BUYER_ROLES[role]) ROLE_BY_KEY.set(roleKey(alias), role);
  // "CFOs", "IT admins": a plural names the same role.
  ROLE_BY_KEY.set(`${roleKey(role)}s`, role);
}

/** The canonical role a name or alias means ("chief financial officer" → "CFO"), or null. */
export function canonicalRole(text: string): BuyerRole | null {
  return ROLE_BY_KEY.get(roleKey(text)) ?? null;
}

/** Every written form of every role, lower-case, longest first so "vp of sales" wins over "sales". */
export function roleAliases(): Array<{ alias: string; role: BuyerRole }> {
  return [...ROLE_BY_KEY]
    .map(([alias, role]) => ({ alias, role }))
    .sort((a, b) => b.alias.length - a.alias.length);
}

/** What an error about a role says is accepted. */
export const ROLES_ACCEPTED = `buyer roles such as ${BUYER_ROLE_NAMES.join(', ')} (aliases like "chief financial officer" work too), separated by ";" in text`;
