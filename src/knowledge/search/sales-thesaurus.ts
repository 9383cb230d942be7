/**
 * Words and phrases reps and entries use for the same thing. A question's word also finds entries that
 * use another of its group, at a lower weight than the word itself. Groups are related terms more than
 * strict synonyms ("churn" finds "renewal" talk), so each phrase belongs to one group only, and no
 * phrase may analyse to a generic word ("add-on" would be "add", "industrial" "industry").
 * Curators add their own per workspace with `earshot synonyms add`.
 */
export const SALES_THESAURUS: readonly (readonly string[])[] = [
  // Money
  ['price', 'pricing', 'cost', 'quote', 'fees', 'rate card'],
  ['discount', 'concession', 'price break', 'price cut', 'markdown', 'rebate'],
  ['budget', 'funding', 'spend'],
  ['budget freeze', 'spending freeze', 'budget cut', 'hiring freeze'],
  ['roi', 'return on investment', 'payback', 'business case'],
  ['upsell', 'cross-sell', 'expansion'],
  ['seat', 'license', 'licence', 'user license'],
  // Deals and cycle
  ['churn', 'retention', 'renewal', 'cancel', 'cancellation', 'attrition', 'stop paying'],
  ['pilot', 'trial', 'poc', 'proof of concept', 'free trial', 'test drive'],
  ['implementation', 'rollout', 'onboarding', 'go-live', 'deployment'],
  ['contract', 'agreement', 'msa', 'master services agreement', 'order form'],
  ['nda', 'non-disclosure agreement', 'confidentiality agreement'],
  ['dpa', 'data processing agreement', 'data processing addendum'],
  ['baa', 'business associate agreement'],
  ['sow', 'statement of work'],
  ['co-op', 'coop', 'cooperative contract', 'cooperative purchasing', 'purchasing cooperative'],
  ['redlines', 'redlining', 'contract negotiation', 'markup'],
  ['competitor', 'competition', 'alternative', 'rival', 'incumbent', 'competing vendor'],
  ['objection', 'pushback', 'push back', 'concern', 'hesitation', 'blocker'],
  ['demo', 'demonstration', 'walkthrough'],
  ['rfp', 'request for proposal', 'rfq', 'rfi', 'tender'],
  ['deal', 'opportunity', 'opp'],
  ['end of quarter', 'quarter end', 'eoq'],
  ['fiscal year', 'financial year', 'fy'],
  ['timeline', 'timeframe', 'time frame', 'deadline'],
  ['migration', 'migrate', 'switching', 'rip and replace', 'replatform'],
  ['procurement', 'purchasing', 'vendor management'],
  ['approval', 'sign off', 'signoff'],
  ['legal', 'counsel', 'lawyer', 'attorney', 'legal review'],
  // People
  ['cfo', 'chief financial officer', 'finance leader', 'head of finance', 'vp finance', 'finance chief'],
  ['cio', 'chief information officer', 'head of IT', 'IT leader'],
  ['ciso', 'chief information security officer', 'head of security', 'security leader'],
  ['champion', 'internal advocate', 'advocate'],
  ['economic buyer', 'decision maker', 'budget holder', 'executive sponsor', 'exec sponsor'],
  ['buying committee', 'buying group', 'stakeholders'],
  // Product and security
  [
    'security review',
    'infosec',
    'security questionnaire',
    'questionnaire',
    'vendor assessment',
    'security assessment',
  ],
  ['integration', 'connector', 'integrate', 'sync', 'plugin'],
  ['sso', 'single sign-on', 'saml'],
  ['soc 2', 'soc2', 'soc ii'],
  ['gdpr', 'data protection', 'privacy'],
  ['data residency', 'data sovereignty', 'data localization'],
  ['eu', 'europe', 'european', 'european union'],
  ['on-prem', 'on-premise', 'on-premises', 'self-hosted'],
  ['outage', 'downtime', 'incident', 'service disruption'],
  ['sla', 'service level agreement', 'uptime'],
  ['erp', 'enterprise resource planning'],
  ['crm', 'customer relationship management'],
  ['accounts payable', 'payables', 'ap team'],
  ['invoice', 'bill'],
  ['virtual card', 'vcard', 'virtual credit card', 'single-use card'],
  // Industries, as entries and accounts name them
  ['healthcare', 'health care', 'health system', 'hospital', 'clinic', 'medical'],
  ['financial services', 'banking', 'bank', 'fintech', 'lender', 'lending'],
  ['manufacturing', 'manufacturer', 'factory'],
  ['logistics', 'freight', 'trucking', 'transportation'],
  ['retail', 'retailer', 'ecommerce', 'e-commerce'],
  ['public sector', 'government', 'municipal', 'county', 'state agency'],
  ['higher education', 'higher ed', 'university', 'college'],
];
