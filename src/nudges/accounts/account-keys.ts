// Legal forms that one source writes and another leaves out ("Acme Inc." and "Acme").
const LEGAL_SUFFIXES =
  /\b(inc|incorporated|corp|corporation|co|company|llc|ltd|limited|plc|gmbh|ag|sa|sas|bv|nv|oy|ab|as|pty|srl|spa|kk)\b/g;

/** An account name as matching sees it: lower case, no punctuation, no legal form, single spaces. */
export function accountNameKey(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(LEGAL_SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A name that is only a legal form ("Co.") keeps its letters rather than matching everything blank.
  return key || name.toLowerCase().trim();
}

/** A domain as matching sees it, from a bare domain, an email address or a URL: `acme.com`. */
export function domainKey(value: string): string {
  let domain = value.trim().toLowerCase();
  if (domain.includes('@') && !domain.includes('/')) domain = domain.slice(domain.lastIndexOf('@') + 1);
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(domain)) domain = new URL(domain).hostname;
  } catch {
    // Not a URL after all: match on the text as written.
  }
  return domain
    .replace(/^www\./, '')
    .replace(/[/:?#].*$/, '')
    .replace(/\.$/, '');
}
