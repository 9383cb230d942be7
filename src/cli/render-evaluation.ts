import type {
  AnswerMetrics,
  EvaluationReport,
  Problem,
  QuestionResult,
} from '../knowledge/evaluation/answer-metrics.ts';

const PROBLEM_TEXT: Record<Problem, string> = {
  'nothing-heard': 'said "nothing heard"',
  'not-in-top-3': 'no relevant source in the top 3',
  'irrelevant-above-relevant': 'an irrelevant source in the top 3 above a relevant one',
  'heard-unanswerable': 'should have said "nothing heard"',
};

/** The evaluation as plain text for a curator: the figures, a table per note, then every miss. */
export function renderEvaluation(report: EvaluationReport, title: string): string {
  const { total } = report;
  const lines = [
    `${title}: ${total.questions} questions, ${total.answerable} answerable, ${total.unanswerable} unanswerable`,
    ...metricLines(total, report.results),
  ];
  if (report.byNote.length > 1) {
    lines.push('', 'By note:', ...noteTable(report.byNote));
  }
  lines.push('', report.misses.length === 0 ? 'No misses.' : `Misses (${report.misses.length}):`);
  lines.push(...report.misses.map(renderMiss));
  return `${lines.join('\n')}\n`;
}

function metricLines(metrics: AnswerMetrics, results: readonly QuestionResult[]): string[] {
  const answerable = results.filter((result) => result.answerable);
  const unanswerable = results.filter((result) => !result.answerable);
  const top = answerable.filter((result) => result.heard && (result.firstRelevantRank ?? Infinity) <= 3);
  return [
    `  success@3                  ${ratio(metrics.successAt3)}  (${top.length}/${answerable.length} answerable)`,
    `  MRR                        ${ratio(metrics.mrr)}`,
    `  false "nothing heard"      ${ratio(metrics.falseNothingRate)}  (${answerable.filter((r) => !r.heard).length}/${answerable.length} answerable)`,
    `  correct "nothing heard"    ${ratio(metrics.correctNothingRate)}  (${unanswerable.filter((r) => !r.heard).length}/${unanswerable.length} unanswerable)`,
    `  closest held the answer    ${ratio(metrics.closestHeldAnswer)}  (of the answerable told "nothing heard")`,
    `  irrelevant above relevant  ${metrics.irrelevantAboveRelevant}`,
    `  cited precision            ${ratio(metrics.citedPrecision)}`,
  ];
}

function noteTable(rows: EvaluationReport['byNote']): string[] {
  const width = Math.max(4, ...rows.map((row) => row.note.length));
  const header = `  ${'note'.padEnd(width)}  questions  success@3    MRR  false-nothing  correct-nothing  irrelevant>relevant`;
  return [
    header,
    ...rows.map(
      (row) =>
        `  ${row.note.padEnd(width)}  ${String(row.questions).padStart(9)}  ${ratio(row.successAt3).padStart(9)}  ${ratio(row.mrr).padStart(5)}  ${ratio(row.falseNothingRate).padStart(13)}  ${ratio(row.correctNothingRate).padStart(15)}  ${String(row.irrelevantAboveRelevant).padStart(19)}`,
    ),
  ];
}

function renderMiss(result: QuestionResult): string {
  const note = result.note ? ` [${result.note}]` : '';
  const expected = result.relevant.length > 0 ? result.relevant.join(', ') : 'nothing heard';
  const ids = (list: Array<string | null>) => list.map((id) => id ?? '(no externalId)').join(', ');
  const got = result.heard ? ids(result.cited) : 'nothing heard';
  return [
    `  ✗ ${result.question}${note}: ${result.problems.map((problem) => PROBLEM_TEXT[problem]).join('; ')}`,
    `      expected: ${expected}`,
    `      got:      ${got}`,
    ...(result.closest.length > 0 ? [`      closest:  ${ids(result.closest)}`] : []),
  ].join('\n');
}

function ratio(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}
