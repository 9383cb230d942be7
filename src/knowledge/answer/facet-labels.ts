import type { QuestionFacets } from './question-facets.ts';

/** The applied facets in words, as answers show them: "healthcare · CFO · decide stage". */
export function facetLabels(facets: QuestionFacets): string[] {
  return [
    ...(facets.industry ? [facets.industry] : []),
    ...(facets.role ? [facets.role] : []),
    ...(facets.stage ? [`${facets.stage} stage`] : []),
    ...(facets.demo ? ['demos first'] : []),
  ];
}
