import { accountNameKey } from '../../nudges/accounts/account-keys.ts';

/** The key an entry's `source_account` and an account's name meet on: "Acme, Inc." is "acme". */
export function accountKeyOf(name: string): string {
  return accountNameKey(name);
}

/**
 * The industries of one workspace's accounts by name key, so an entry heard from "Harborview Health" is
 * found by "healthcare". `version` is the fingerprint of the accounts table it was read at.
 */
export class AccountDirectory {
  private byKey = new Map<string, string>();
  version = '';

  /** A directory as saved with a search index: name keys and industries, at `version`. */
  static restore(
    industries: ReadonlyArray<[key: string, industry: string]>,
    version: string,
  ): AccountDirectory {
    const directory = new AccountDirectory();
    directory.byKey = new Map(industries);
    directory.version = version;
    return directory;
  }

  /** Name keys and industries, to save with a search index. */
  entries(): Array<[key: string, industry: string]> {
    return [...this.byKey];
  }

  industryOf(sourceAccount: string | null): string | null {
    if (!sourceAccount) return null;
    return this.byKey.get(accountKeyOf(sourceAccount)) ?? null;
  }

  /** Every industry an account names, lower-cased. */
  industries(): string[] {
    return [...this.byKey.values()].map((industry) => industry.toLowerCase());
  }

  /** Replaces the directory; returns the name keys whose industry changed (added, removed or edited). */
  replace(rows: ReadonlyArray<{ name: string; industry: string | null }>, version: string): Set<string> {
    const next = new Map<string, string>();
    for (const row of rows) {
      if (row.industry?.trim()) next.set(accountKeyOf(row.name), row.industry.trim());
    }
    const changed = new Set<string>();
    for (const [key, industry] of next) if (this.byKey.get(key) !== industry) changed.add(key);
    for (const key of this.byKey.keys()) if (!next.has(key)) changed.add(key);
    this.byKey = next;
    this.version = version;
    return changed;
  }
}
