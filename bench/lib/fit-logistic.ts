/** One labelled example: feature values in a fixed order, and whether it is a positive. */
export interface Example {
  x: number[];
  y: 0 | 1;
  /** How much the example counts; questions with many hits should not outweigh the rest. */
  weight: number;
}

/**
 * Logistic regression by full-batch gradient descent with an L2 penalty (the bias is not penalized).
 * Small and deterministic: a few thousand examples and a dozen features fit in well under a second.
 */
export function fitLogistic(
  examples: Example[],
  options: { l2?: number; iterations?: number; rate?: number } = {},
): { bias: number; weights: number[] } {
  const { l2 = 0.01, iterations = 4000, rate = 0.5 } = options;
  const dims = examples[0]?.x.length ?? 0;
  const weights = new Array<number>(dims).fill(0);
  let bias = 0;
  const total = examples.reduce((sum, example) => sum + example.weight, 0) || 1;
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(dims).fill(0);
    let biasGradient = 0;
    for (const { x, y, weight } of examples) {
      let z = bias;
      for (let i = 0; i < dims; i++) z += (weights[i] as number) * (x[i] as number);
      const error = (1 / (1 + Math.exp(-z)) - y) * weight;
      biasGradient += error;
      for (let i = 0; i < dims; i++) gradient[i] = (gradient[i] as number) + error * (x[i] as number);
    }
    bias -= (rate * biasGradient) / total;
    for (let i = 0; i < dims; i++) {
      weights[i] =
        (weights[i] as number) - rate * ((gradient[i] as number) / total + l2 * (weights[i] as number));
    }
  }
  return { bias, weights };
}
