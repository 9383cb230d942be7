import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes `content` to a new temporary file named `name` and returns its path. */
export async function tempFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-nudges-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

export const ACCOUNTS_CSV = `name,domain,industry,owner email,owner slack id
"Acme Robotics, Inc.",acme.com,Manufacturing,ana@seller.example,U0ANA
Harborview Health,https://www.harborview.org/,Healthcare,ben@seller.example,
Globex,,Energy,ana@seller.example,
`;

export const ACCOUNTS_JSONL = `{"name": "Initech", "domain": "initech.io", "industry": "Software", "ownerEmail": "cy@seller.example", "ownerTeamsId": "00000000-0000-0000-0000-0000000000c1"}
{"name": "Umbrella Corp", "industry": "Pharma", "ownerEmail": "dee@seller.example"}
`;

export const REFERENCES_CSV = `account,industry,products,use cases,owner email,max requests per 90 days,cooldown days,status,paused reason
Northwind Health,Healthcare,Payments; Billing,claims automation,csm.nora@seller.example,3,14,active,
Contoso Clinics,Healthcare,Payments,patient billing,csm.omar@seller.example,2,7,paused,open P1 service issue
Fabrikam Steel,Manufacturing,Analytics,supply chain,ae.pat@seller.example,5,0,active,
`;
