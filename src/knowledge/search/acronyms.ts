/**
 * Acronyms of business software and of the industries it sells to, with what they stand for. Reps type
 * the acronym ("how much is WFM per seat?") where entries write the words ("workforce management"), and
 * the other way round; neither spelling tells the index the other. An acronym with two meanings lists
 * both: only the meanings a workspace's entries use can match anything there. Acronyms the sales
 * thesaurus already groups (SSO, BAA, RFP, CFO…) are not repeated here.
 */
// biome-ignore format: one row per acronym reads as a table
export const ACRONYMS: Readonly<Record<string, readonly string[]>> = {
  // Selling and revenue
  ARR: ['annual recurring revenue'], MRR: ['monthly recurring revenue'], TCV: ['total contract value'],
  NRR: ['net revenue retention'], GRR: ['gross revenue retention'],
  CAC: ['customer acquisition cost'], LTV: ['lifetime value'], ICP: ['ideal customer profile'],
  TAM: ['total addressable market'], SDR: ['sales development rep'], BDR: ['business development rep'],
  AE: ['account executive', 'adverse event'], 
  MQL: ['marketing qualified lead'], SQL: ['sales qualified lead', 'structured query language'],
  KPI: ['key performance indicator'], OKR: ['objectives and key results'], MVP: ['minimum viable product'],
  GA: ['general availability'], EOL: ['end of life'], SKU: ['stock keeping unit'], LOI: ['letter of intent'],
  PO: ['purchase order'], MOU: ['memorandum of understanding'], ELA: ['enterprise license agreement'],
  GPO: ['group purchasing organization'], VAR: ['value added reseller'], MSP: ['managed service provider'],
  ISV: ['independent software vendor'], 
  // Software, data and security
  SCIM: ['system for cross-domain identity management'],
  RBAC: ['role-based access control'], IAM: ['identity and access management'],
  PAM: ['privileged access management'], SIEM: ['security information and event management'],
  SOAR: ['security orchestration automation and response'], EDR: ['endpoint detection and response'],
  XDR: ['extended detection and response'], MDR: ['managed detection and response', 'merchant discount rate'],
  DLP: ['data loss prevention'], ZTNA: ['zero trust network access'], WAF: ['web application firewall'],
  VPN: ['virtual private network'], NOC: ['network operations center'],
  ISMS: ['information security management system'], BCP: ['business continuity plan'],
  RPO: ['recovery point objective'], RTO: ['recovery time objective'], PII: ['personally identifiable information'],
  PHI: ['protected health information'], DSAR: ['data subject access request', 'data subject request'],
  RTBF: ['right to be forgotten'], CCPA: ['california consumer privacy act'], ATO: ['authority to operate'],
  CMMC: ['cybersecurity maturity model certification'], KMS: ['key management service'],
  BYOK: ['bring your own key'], HSM: ['hardware security module'], SDK: ['software development kit'],
  ETL: ['extract transform load'], CDC: ['change data capture'], SLO: ['service level objective'],
  MTTR: ['mean time to resolve', 'mean time to repair', 'mean time to recovery'], MTTD: ['mean time to detect'],
  APM: ['application performance monitoring'], SRE: ['site reliability engineering'], IAC: ['infrastructure as code'],
  OTEL: ['opentelemetry'], VM: ['virtual machine'], IDP: ['identity provider', 'intelligent document processing'], OCR: ['optical character recognition'],
  LLM: ['large language model'], NLP: ['natural language processing'], RPA: ['robotic process automation'],
  BI: ['business intelligence'], HRIS: ['human resources information system'], HCM: ['human capital management'],
  ATS: ['applicant tracking system'], LMS: ['learning management system'], LXP: ['learning experience platform'],
  CMS: ['content management system'], DAM: ['digital asset management'], PIM: ['product information management'],
  CDP: ['customer data platform'], ESP: ['email service provider'],   CPAAS: ['communications platform as a service'], CCAAS: ['contact center as a service'],
  UCAAS: ['unified communications as a service'], IVR: ['interactive voice response'],
  ACD: ['automatic call distribution'], WFM: ['workforce management'], WEM: ['workforce engagement management'],
  CSAT: ['customer satisfaction'], NPS: ['net promoter score'], CES: ['customer effort score'],
  AHT: ['average handle time'], FCR: ['first contact resolution'], FRT: ['first response time'],
  // Finance and payments
  AP: ['accounts payable'], AR: ['accounts receivable'], GL: ['general ledger'], 'FP&A': ['financial planning and analysis'],
  'P&L': ['profit and loss'], COGS: ['cost of goods sold'], OPEX: ['operating expense'], CAPEX: ['capital expense'],
  DSO: ['days sales outstanding'], DPO: ['days payable outstanding'], EBITDA: ['earnings before interest'],
  FX: ['foreign exchange'], ACH: ['automated clearing house'],
  EFT: ['electronic funds transfer'], KYC: ['know your customer'], KYB: ['know your business'],
  AML: ['anti-money laundering'], PCI: ['payment card industry'], 'IC+': ['interchange plus', 'interchange-plus'],
  PSP: ['payment service provider'], POS: ['point of sale'],
  'ASC 606': ['revenue recognition'], SOX: ['sarbanes-oxley'], GAAP: ['generally accepted accounting principles'],
  // People and payroll
  PEO: ['professional employer organization'], EOR: ['employer of record'], ACA: ['affordable care act'],
  FLSA: ['fair labor standards act'], PTO: ['paid time off'], EWA: ['earned wage access'],
  FMLA: ['family and medical leave'], COBRA: ['continuation coverage'], OSHA: ['occupational safety and health'],
  EHS: ['environment health and safety'], SME: ['subject matter expert', 'small and medium enterprise'],
  ILT: ['instructor-led training'], VILT: ['virtual instructor-led training'], CEU: ['continuing education unit'],
  SOP: ['standard operating procedure'],
  // Insurance
  'P&C': ['property and casualty'], MGA: ['managing general agent'], PAS: ['policy administration system', 'policy admin system'],
  FNOL: ['first notice of loss'], XOL: ['excess of loss'], QS: ['quota share'], GWP: ['gross written premium'],
  NWP: ['net written premium'], LAE: ['loss adjustment expense'], 'E&S': ['excess and surplus'],
  TPA: ['third-party administrator'], SIU: ['special investigations unit'], UW: ['underwriting', 'underwriter'],
  WC: ["workers' compensation", 'workers comp'], DOI: ['department of insurance'],
  // Health and clinical research
  EHR: ['electronic health record'], EMR: ['electronic medical record'], HIE: ['health information exchange'],
  RCM: ['revenue cycle management'], EDC: ['electronic data capture'], CTMS: ['clinical trial management system'],
  ETMF: ['electronic trial master file', 'trial master file'], TMF: ['trial master file'],
  EPRO: ['electronic patient-reported outcome', 'patient-reported outcome'], 
  ECOA: ['electronic clinical outcome assessment', 'clinical outcome assessment'],
  IRT: ['interactive response technology'],
  RTSM: ['randomization and trial supply management'], RBM: ['risk-based monitoring'],
  RBQM: ['risk-based quality management'], SDV: ['source data verification'], CRO: ['contract research organization'],
  CRA: ['clinical research associate'], IRB: ['institutional review board'],
  GCP: ['good clinical practice', 'google cloud'], SAE: ['serious adverse event'], DBL: ['database lock'],
  FPI: ['first patient in'], LPO: ['last patient out'], PI: ['principal investigator'],
  // Construction and property
  GC: ['general contractor'], SOV: ['schedule of values'], BIM: ['building information modeling'],
  GMP: ['guaranteed maximum price'], CMAR: ['construction manager at risk'], 'T&M': ['time and materials'],
  NOI: ['net operating income'], HOA: ['homeowners association'], SFR: ['single-family rental'],
  RUBS: ['ratio utility billing'], LIHTC: ['low-income housing tax credit'], CAM: ['common area maintenance'],
  PMS: ['property management system'],
  // Restaurants, retail and hospitality
  BOH: ['back of house'], FOH: ['front of house'], QSR: ['quick-service restaurant', 'quick service'],
  FSR: ['full-service restaurant'], KDS: ['kitchen display system', 'kitchen display'], OLO: ['online ordering'],
  DTC: ['direct to consumer', 'direct-to-consumer'], BOPIS: ['buy online pick up in store'],
  ADR: ['average daily rate'], REVPAR: ['revenue per available room'],
  // Fleets and logistics
  ELD: ['electronic logging device'], HOS: ['hours of service'], IFTA: ['international fuel tax agreement', 'fuel tax'],
  DVIR: ["driver vehicle inspection report", 'vehicle inspection'], TMS: ['transportation management system'],
  WMS: ['warehouse management system'], CDL: ['commercial driver'], ADAS: ['driver assistance'],
  LTL: ['less than truckload'], FTL: ['full truckload'], OBD: ['on-board diagnostics'],
  // Public sector and education
  SLED: ['state local and education'],   SIS: ['student information system'], 
};
