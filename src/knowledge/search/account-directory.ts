import { accountNameKey } from '../../nudges/accounts/account-keys.ts';

/** The key an entry's `source_account` and an account's name meet on: "Acme, Inc." is "acme". */
export function accountKeyOf(name: string): string {
  return accountNameKey(name);
}

/** What the directory knows of one account, as saved with a search index. */
export interface DirectoryAccount {
  industry: string | null;
  domain: string | null;
}

/**
 * The industries and web domains of one workspace's accounts by name key, so an entry heard from
 * "Harborview Health" is found by "healthcare" and by "harborviewhealth.com". `version` is the
 * fingerprint of the accounts table it was read at.
 */
export class AccountDirectory {
  private byKey = new Map<string, DirectoryAccount>();
  version = '';

  /** A directory as saved with a search index: name keys with industries and domains, at `version`. */
  static restore(accounts: ReadonlyArray<[key: string, account: DirectoryAccount]>, version: string) {
    const directory = new AccountDirectory();
    directory.byKey = new Map(accounts);
    directory.version = version;
    return directory;
  }

  /** Name keys with industries and domains, to save with a search index. */
  entries(): Array<[key: string, account: DirectoryAccount]> {
    return [...this.byKey];
  }

  /** What the directory knows of the account an entry was heard from, if anything. */
  accountOf(sourceAccount: string | null): DirectoryAccount | undefined {
    return sourceAccount ? this.byKey.get(accountKeyOf(sourceAccount)) : undefined;
  }

  /** Every industry an account names, lower-cased. */
  industries(): string[] {
    return [...this.byKey.values()].flatMap(({ industry }) => (industry ? [industry.toLowerCase()] : []));
  }

  /** Replaces the directory; returns the name keys whose industry or domain changed (added, removed or edited). */
  replace(
    rows: ReadonlyArray<{ name: string; industry: string | null; domain: string | null }>,
    version: string,
  ): Set<string> {
    const next = new Map<string, DirectoryAccount>();
    for (const row of rows) {
      const industry = row.industry?.trim() || null;
      const domain = row.domain?.trim() || null;
      if (industry || domain) next.set(accountKeyOf(row.name), { industry, domain });
    }
    const changed = new Set<string>();
    for (const [key, account] of next) {
      const was = this.byKey.get(key);
      if (was?.industry !== account.industry || was?.domain !== account.domain) changed.add(key);
    }
    for (const key of this.byKey.keys()) if (!next.has(key)) changed.add(key);
    this.byKey = next;
    this.version = version;
    return changed;
  }
}
