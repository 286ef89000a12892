import { describe, it, expect } from 'vitest';
import { reversalScope } from '../src/analyse/stance-reversal.js';
import { clauseTokens, cueScores } from '../src/analyse/stance.js';
import { stanceFeatures } from '../src/analyse/stance-features.js';
import { TOPIC } from './helpers.js';

/** The words of each segment that undoes the topic, joined. */
function undone(text: string): string[] {
  const toks = clauseTokens(text);
  const scope = reversalScope(toks, TOPIC.targets);
  const out: string[] = [];
  toks.forEach((t, i) => {
    const s = scope.segment[i]!;
    if (s >= 0) out[s] = out[s] ? `${out[s]} ${t}` : t;
  });
  return out;
}

describe('a segment that undoes the topic', () => {
  it.each([
    ['Losing the groups would be a shame, and the end of clinical commissioning worse still.', ['losing the groups would be a shame , and the end of clinical commissioning worse still .']],
    ['Scrapping co-commissioning now would be a mistake.', ['scrapping co commissioning now would be a mistake .']],
    ['We would be glad to see the back of CCGs.', ['we would be glad to see the back of ccgs .']],
    ['Delegation should be reversed because it has failed practices.', ['delegation should be reversed']],
    ['Clinical commissioning groups will be abolished next year, sadly.', ['clinical commissioning groups will be abolished next year , sadly .']],
    ['The groups have not yet been told, but CCGs will be abolished.', ['but ccgs will be abolished .']],
    ['The scheme works. Abolishing the CCG would undo it.', ['abolishing the ccg would undo it .']],
  ])('%s', (text, segments) => {
    expect(undone(text)).toEqual(segments);
  });

  it.each([
    ['The abolition of the old trusts was overdue.'],
    ['Practices have until the end of the month to apply for delegated commissioning.'],
    ['Applications for co-commissioning close at the end of March.'],
    ['The CCG welcomed the plans.'],
    // Something else is undone, though the topic is named.
    ['CCGs replaced primary care trusts in 2013 and have been a success.'],
    ['Since the abolition of PCTs, CCGs have been a success.'],
    ['The CCG decided to close down the walk-in centre, which is a disaster for patients.'],
    // "Not yet" is no contrast, and the passive needs its "be".
    ['CCGs have not yet been abolished.'.replace('abolished', 'merged')],
  ])('is not found where nothing of the topic is undone: %s', (text) => {
    expect(undone(text)).toEqual([]);
  });
});

describe('cues and polarity in a segment that undoes the topic', () => {
  it.each([
    // Regret at the undoing: the opposition cue judges the scrapping, so it counts for the topic.
    ['Scrapping CCGs would be a disaster for practices.', { support: 1, oppose: 0 }],
    // Welcoming the undoing counts against the topic.
    ['We welcome the decision to hand back delegated commissioning.', { support: 0, oppose: 1 }],
    // The undoing alone counts as itself.
    ['CCGs should be scrapped.', { support: 0, oppose: 1 }],
    // A reason has its own segment: the failure is the thing's own.
    ['CCGs should be scrapped because they have failed.', { support: 0, oppose: 2 }],
  ])('%s', (text, scores) => {
    expect(cueScores(text, TOPIC)).toEqual(scores);
  });

  it('turns a word’s polarity round under the undoing, and again under a negation', () => {
    expect(stanceFeatures('Abolishing delegation would be a terrible waste.', TOPIC).has('__positive')).toBe(true);
    expect(stanceFeatures('Abolishing delegation would be a terrible waste.', TOPIC).has('__negative')).toBe(false);
    expect(stanceFeatures('Abolishing delegation would not be a terrible waste.', TOPIC).has('__negative')).toBe(true);
    expect(stanceFeatures('Abolishing delegation would be a terrible waste.', TOPIC).get('__reversal')).toBe(1);
    expect(stanceFeatures('The meeting ran late, which was a terrible waste.', TOPIC).has('__reversal')).toBe(false);
  });

  it('leaves the undoing words and the topic’s own words as they are', () => {
    // "back the" is a support cue inside "hand back"; "care" is a positive word inside "primary care".
    expect(cueScores('Two CCGs will hand back the contracts for primary care to NHS England.', TOPIC)).toEqual({ support: 0, oppose: 0 });
    expect(stanceFeatures('Two CCGs will hand back primary care commissioning.', TOPIC).has('__negative')).toBe(false);
  });

  it('tells a contrast whose sides agree from one that turns', () => {
    expect(stanceFeatures('It was hard work, but the results have been excellent.', TOPIC).has('__contrast_turns_polarity')).toBe(true);
    expect(stanceFeatures('The team was brilliant, but the results were even better.', TOPIC).has('__contrast_agrees_positive')).toBe(true);
  });

  it('weighs a contrast within its sentence, or against the sentence before when it opens one', () => {
    const late = stanceFeatures('The results have been excellent. The staff are brilliant. We are tired, but proud.', TOPIC);
    expect(late.get('__before_contrast_negative')).toBe(1);
    expect(late.has('__before_contrast_positive')).toBe(false);
    const opening = stanceFeatures('The results have been excellent. But we are tired.', TOPIC);
    expect(opening.get('__before_contrast_positive')).toBe(1);
    expect(opening.get('__after_contrast_negative')).toBe(1);
    // "Although" opens a concession within its own sentence: the sentence before is not its first side.
    const conceding = stanceFeatures('The pilot went badly. Although the CCG had doubts, it has been a success.', TOPIC);
    expect(conceding.has('__before_contrast_negative')).toBe(false);
  });
});
