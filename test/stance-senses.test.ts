import { describe, it, expect } from 'vitest';
import { isServiceSense } from '../src/analyse/stance-senses.js';
import { clauseTokens, cueScores } from '../src/analyse/stance.js';
import { stanceFeatures } from '../src/analyse/stance-features.js';
import { TOPIC } from './helpers.js';

/** Whether the first "support", "help" or "assistance" of the text is read as a service given. */
function service(text: string): boolean {
  const toks = clauseTokens(text);
  const i = toks.findIndex((t) => t === 'support' || t === 'help' || t === 'assistance');
  if (i < 0) throw new Error(`no service word in ${text}`);
  return isServiceSense(toks, i);
}

describe('"support" and "help" naming a service given', () => {
  it.each([
    ['The merged group will keep the support staff who run the practice payments.'],
    ['Practices that struggle can ask the federation for help with recruitment.'],
    ['Small practices need practical support with estates and IT.'],
    ['There will be extra help for surgeries taking on new patients.'],
    ['The commissioning team offers administrative support to every surgery.'],
    ['Its support services moved to the new integrated care board.'],
  ])('%s', (text) => {
    expect(service(text)).toBe(true);
  });
});

describe('"support" and "help" taking a position', () => {
  it.each([
    ['We support the move to delegated commissioning.'],
    ['The committee voted to support the plans.'],
    ['There is strong support among local GPs for co-commissioning.'],
    ['Delegation will help practices plan for the long term.'],
    ['I would not support any merger of the groups.'],
    // A comma ends the compound: "support" here is the end of its clause.
    ['This has our support, staff and patients agree.'],
  ])('%s', (text) => {
    expect(service(text)).toBe(false);
  });
});

describe('a service word judges nothing', () => {
  it('is no support cue', () => {
    expect(cueScores('The groups hold the support staff and the budgets for general practice.', TOPIC).support).toBe(0);
    expect(cueScores('The groups support delegated commissioning of general practice.', TOPIC).support).toBe(1);
  });

  it('carries no polarity', () => {
    expect(stanceFeatures('Practices will get financial support from the CCG.', TOPIC).has('__positive')).toBe(false);
    expect(stanceFeatures('We support the CCG taking on primary care.', TOPIC).has('__positive')).toBe(true);
  });
});
