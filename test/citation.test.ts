/** Who said a quote, each piece once (the CLI's quote lines and the page's cards share it). */
import { describe, expect, it } from 'vitest';
import { shownOrganisation } from '../src/search/citation.js';

const who = (speaker: string | null, role: string | null, organisation: string | null): string | null => shownOrganisation({ speaker, role, organisation });

describe('shownOrganisation', () => {
  it('leaves out an organisation that the speaker or the role already names, as whole words in any case', () => {
    expect(who('NHS England', null, 'NHS England')).toBeNull();
    expect(who('An NHS England spokesperson', null, 'NHS England')).toBeNull();
    expect(who('Dr A Smith', 'chair of Leeds CCG', 'Leeds CCG')).toBeNull();
    expect(who('Dr A Smith', 'Chair of leeds ccg', 'Leeds CCG')).toBeNull();
    expect(who('Rosamond Roughton', 'NHS England’s head of commissioning development', 'NHS England')).toBeNull();
    expect(who('Dr B Jones', "the BMA's GP committee chair", 'BMA')).toBeNull();
  });

  it('keeps an organisation that adds to who said it', () => {
    expect(who('Dr A Smith', 'GP', 'Leeds CCG')).toBe('Leeds CCG');
    expect(who('Dr A Smith', 'chair of Leeds CCGs group', 'Leeds CCG')).toBe('Leeds CCG');
    expect(who('Dr B Jones', 'BMAS member', 'BMA')).toBe('BMA');
    expect(who(null, null, 'NHS England')).toBe('NHS England');
    expect(who('Dr A Smith', null, null)).toBeNull();
  });
});
