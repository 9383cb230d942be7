export const TRIGGER_TYPES = ['funding', 'exec_hire', 'job_change', 'expansion', 'news'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** How each trigger reads in an alert, why it tends to lead to a purchase, and what to search for. */
export const TRIGGER_PLAYBOOK: Record<TriggerType, { label: string; why: string; searchTerms: string }> = {
  funding: {
    label: 'Funding round',
    why: 'Fresh funding comes with a growth plan and budget to spend on it; teams that just raised buy tools to scale within the next two quarters.',
    searchTerms: 'budget growth scale investment ROI pricing',
  },
  exec_hire: {
    label: 'New executive',
    why: 'New leaders review their stack in their first 90 days and back a few quick wins; reaching them early puts you on that list.',
    searchTerms: 'executive leadership CIO CFO first 90 days priorities business case',
  },
  job_change: {
    label: 'Champion changed jobs',
    why: 'A champion who moves to a new company already knows your value and often brings you in; the old account also needs a new champion.',
    searchTerms: 'champion sponsor onboarding renewal migration',
  },
  expansion: {
    label: 'Expansion',
    why: 'New offices, markets or teams mean new users, new compliance needs and a reason to standardize tools across the company.',
    searchTerms: 'expansion rollout global compliance security scale users',
  },
  news: {
    label: 'In the news',
    why: 'News gives you a timely, relevant reason to reach out and shows you follow their business.',
    searchTerms: 'competitor market trends',
  },
};
