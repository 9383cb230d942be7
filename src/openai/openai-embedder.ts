import type OpenAI from 'openai';
import { z } from 'zod';
import { EarshotError } from '../errors.ts';
import type { Embedder } from '../knowledge/search/embed-entries.ts';
import { modelFailure } from './model-failure.ts';
import { withDeadline } from './with-deadline.ts';

/** Inputs per request; OpenAI accepts up to 2,048, smaller batches fail and retry more cheaply. */
const DEFAULT_BATCH_SIZE = 100;

// Some OpenAI-compatible servers ignore `encoding_format` and send floats, so both are accepted.
const responseSchema = z.object({
  data: z.array(
    z.object({
      index: z.number().int().min(0),
      embedding: z.union([z.base64(), z.array(z.number())]),
    }),
  ),
});

export interface OpenAIEmbedderOptions {
  client: OpenAI;
  model: string;
  /** Each request, retries included, rejects after this long. */
  timeoutMs: number;
  batchSize?: number;
}

/** Embeds texts with an OpenAI (or compatible) embeddings model, one vector per text, in order. */
export class OpenAIEmbedder implements Embedder {
  readonly model: string;
  private readonly batchSize: number;

  constructor(private readonly options: OpenAIEmbedderOptions) {
    this.model = options.model;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      vectors.push(...(await this.embedBatch(texts.slice(start, start + this.batchSize))));
    }
    return vectors;
  }

  private async embedBatch(input: string[]): Promise<Float32Array[]> {
    const what = `embedding model ${this.model}`;
    const response = await withDeadline(what, this.options.timeoutMs, (signal) =>
      // base64 is what the SDK asks for by default too: a quarter of the bytes of JSON floats.
      this.options.client.embeddings.create(
        { model: this.model, input, encoding_format: 'base64' },
        { signal },
      ),
    ).catch((error: unknown) => {
      throw modelFailure(what, error);
    });
    const parsed = responseSchema.safeParse(response);
    if (!parsed.success) throw failed(`${what} sent a malformed reply: ${z.prettifyError(parsed.error)}`);
    const vectors: Array<Float32Array | undefined> = new Array(input.length);
    for (const item of parsed.data.data) {
      if (item.index >= input.length) throw failed(`${what} sent an embedding for input ${item.index}`);
      vectors[item.index] = decode(item.embedding);
    }
    const dimensions = vectors[0]?.length ?? 0;
    return Array.from(vectors, (vector, index) => {
      if (!vector) throw failed(`${what} sent no embedding for input ${index}`);
      if (vector.length === 0 || vector.length !== dimensions || !vector.every(Number.isFinite)) {
        throw failed(`${what} sent an invalid embedding for input ${index}`);
      }
      return vector;
    });
  }
}

/** Base64 embeddings are little-endian float32, whatever this machine's byte order. */
function decode(embedding: string | number[]): Float32Array {
  if (Array.isArray(embedding)) return Float32Array.from(embedding);
  const bytes = Buffer.from(embedding, 'base64');
  if (bytes.length % 4 !== 0) return new Float32Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Float32Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

function failed(message: string) {
  return new EarshotError({
    code: 'model_failed',
    message,
    userMessage: 'The embeddings model could not be used right now.',
  });
}
