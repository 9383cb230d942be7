import type { Answer } from '../../knowledge/answer/answer-types.ts';
import { answerView } from '../../views/answer-view.ts';
import type { RichCard } from './card-elements.ts';
import { renderTeamsCard } from './render-card.ts';

/** The answer view as an Adaptive Card. */
export function answerCard(answer: Answer, options: { now?: Date } = {}): RichCard {
  return renderTeamsCard(answerView(answer, options));
}
