import type { Logger } from '../../logger.ts';
import { classifyMessage, type MessageClass } from './classify-message.ts';

/** Decides whether a watched-channel message is a tip, field intel or noise. */
export interface MessageClassifier {
  classify(text: string): Promise<MessageClass>;
}

/** The plain rules of classifyMessage: always available, no model needed. */
export const ruleClassifier: MessageClassifier = { classify: async (text) => classifyMessage(text) };

/**
 * A chat model's judgement where one is configured, behind the rules: chit-chat the rules already call
 * noise never costs a model call, and any model failure falls back to the rules.
 */
export function modelClassifier(model: MessageClassifier, logger: Logger): MessageClassifier {
  return {
    async classify(text) {
      if (isClearNoise(text)) return 'noise';
      try {
        return await model.classify(text);
      } catch (error) {
        logger.warn({ err: error }, 'message classification by the model failed; using the rules');
        return classifyMessage(text);
      }
    },
  };
}

function isClearNoise(text: string): boolean {
  const words = text
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  return words.length < 5;
}
