import type { Logger } from '../logger.ts';
import { OpenAIAnswerWriter } from './openai-answer-writer.ts';
import { createOpenAIClient, type OpenAIConfig } from './openai-client.ts';
import { OpenAIEmbedder } from './openai-embedder.ts';
import { OpenAIMessageClassifier } from './openai-message-classifier.ts';

/**
 * What Earshot builds on the configured models. The composition root imports this module only when
 * OpenAI is configured: the openai package takes a tenth of a second to load, and every command would
 * pay it.
 */
export function createOpenAIServices(config: OpenAIConfig, logger: Logger) {
  const client = createOpenAIClient(config, logger);
  const { chatModel, embeddingModel, timeoutMs } = config;
  return {
    writer: chatModel ? new OpenAIAnswerWriter({ client, model: chatModel, timeoutMs }) : undefined,
    embedder: embeddingModel ? new OpenAIEmbedder({ client, model: embeddingModel, timeoutMs }) : undefined,
    classifier: chatModel ? new OpenAIMessageClassifier({ client, model: chatModel, timeoutMs }) : undefined,
  };
}
