import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { compileOrganisations } from '../src/analyse/organisations.js';
import { analyse } from '../src/analyse/index.js';
import { affiliationAfter, isSubordinate, organisationInRole, spokespersonOrganisation } from '../src/analyse/entities.js';
import { loadOrganisations } from '../src/sources/index.js';
import { ROOT, LEXICON } from './helpers.js';

// Every sentence here is written for the test: the names, places and words are invented.
const orgs = compileOrganisations(loadOrganisations(join(ROOT, 'sources', 'organisations.json')));
const quotes = (t: string) => analyse(t, { organisations: orgs, stance: LEXICON }).quotes;
const only = (t: string) => {
  const q = quotes(t);
  expect(q).toHaveLength(1);
  return { speaker: q[0]!.speaker, organisation: q[0]!.organisation };
};

describe('a speaker’s organisation, from wherever the document states it', () => {
  it.each([
    ['apposition', 'Dr Helen Varga, chair of Brookfield CCG, said the plans were sound.\n\nDr Varga said: “We will take on the budgets next spring and run them well.”', 'Varga', 'NHS Brookfield CCG'],
    ['pre-modifier', 'Royal College of General Practitioners chair Professor Alan Threlkeld spoke at the conference.\n\nProfessor Threlkeld said: “Practices cannot absorb another round of cuts this winter.”', 'Threlkeld', 'Royal College of General Practitioners'],
    ['pre-modifier naming an organisation not in the list', 'NHS Marchland chief executive Dr Karen Albright wrote to every practice.\n\nShe said: “The new contract will give local doctors far more say over services.”', 'Albright', 'NHS Marchland'],
    ['possessive', 'The BMA’s Dr Omar Castell spoke to the committee.\n\nDr Castell said: “Nobody asked the profession before the decision was taken.”', 'Castell', 'British Medical Association'],
    ['“X, of Y”', 'Dr Nadia Brennock, of the Nuffield Trust, has studied the reforms.\n\n“The evidence that mergers save money is thin at best,” Dr Brennock said.', 'Brennock', 'Nuffield Trust'],
    ['“X of the Y”, without commas', 'Professor Greta Holm of the Nuffield Trust has studied the reforms.\n\n“Mergers rarely save what they promise,” Professor Holm said.', 'Holm', 'Nuffield Trust'],
    ['“X of the Y”, an organisation not in the list', 'Dr Owen Pryce of the Westmarch Health Trust spoke first.\n\nDr Pryce said: “We were told nothing about the changes.”', 'Pryce', 'Westmarch Health Trust'],
    ['a listed name in another house style’s capitals', 'Deputy Chair of the BMA’s GP Committee Dr Ines Morrow spoke.\n\nDr Morrow said: “Practices were never asked about the change.”', 'Morrow', 'GPC'],
    ['“X from Y”', 'Dr Colin Ashdown from the King’s Fund gave evidence on Tuesday.\n\n“The money has not followed the patients into the community,” said Dr Ashdown.', 'Ashdown', "The King's Fund"],
    ['relative clause', 'Dr Sunita Rowe, who chairs Eastmere LMC, was not convinced.\n\nDr Rowe said: “Our members have heard these promises many times before now.”', 'Rowe', 'Eastmere LMC'],
    ['predicate', 'Dr Peter Kellaway was elected chair of the British Medical Association GP committee in June.\n\nDr Kellaway warned: “Practices are closing faster than new ones are opening.”', 'Kellaway', 'British Medical Association'],
    ['at the helm', 'Dr Fiona Lusk, who took the helm of Harrowfield CCG last year, has met every practice.\n\nShe said: “We have listened, and we will change how the money is spent.”', 'Lusk', 'NHS Harrowfield CCG'],
    ['a role that names the organisation in focus', 'The Care Quality Commission will inspect every practice by the spring.\n\nProfessor Lionel Harker, the chief executive of the regulator, set out the timetable.\n\nProfessor Harker said: “No practice will be told less than a month before we arrive.”', 'Harker', 'Care Quality Commission'],
    ['a role held under the person just named', 'Dr Ingrid Sowerby, chair of Fallowmere CCG, and her deputy Dr Ben Catterall visited every practice.\n\nDr Catterall said: “We have had thirty meetings and we will have thirty more.”', 'Catterall', 'NHS Fallowmere CCG'],
    ['a role held under a person named in the possessive', 'Dr Ingrid Sowerby, chair of Fallowmere CCG, spoke first.\n\nDr Sowerby’s deputy, Dr Ben Catterall, said: “Every practice will see the figures before the vote.”', 'Catterall', 'NHS Fallowmere CCG'],
    ['relative clause naming a post', 'Dr Ivo Marsh, who was appointed chief officer of Stonebridge CCG in 2019, spoke to members.\n\nDr Marsh said: “The budget will be spent where the need is greatest.”', 'Marsh', 'NHS Stonebridge CCG'],
    ['a counterpart: the organisation the role names, not the one of the person before', 'Dr Ada Quill, who chairs Fallowmere CCG, welcomed the news.\n\nHer counterpart at neighbouring Stonebridge CCG, Dr Piers Wynn, was more cautious. “We are not convinced the money will follow,” he said.', 'Wynn', 'NHS Stonebridge CCG'],
    ['“its” role, the organisation just named', 'The plans were welcomed by Orchard Vale LMC. Its medical secretary, Dr Kofi Mensah, said: “Practices will want to see the detail first.”', 'Mensah', 'Orchard Vale LMC'],
    ['a relative clause naming an organisation by its kind: the one in focus', 'Ridgeway CCG approved the plan on Monday.\n\nDr Tamsin Hale, who chairs the CCG’s governing body, said: “Local doctors will decide where the money goes.”', 'Hale', 'NHS Ridgeway CCG'],
    ['a role in the possessive of “the board”: the board in focus', 'NHS Kestrel Vale Integrated Care Board met for the first time on Friday.\n\nThe board’s chief executive, Alan Mbeki, said: “Hospitals and practices will plan together from now on.”', 'Mbeki', 'NHS Kestrel Vale ICB'],
    ['an apposition in the possessive of a description: the one in focus', 'The Royal College of General Practitioners met on Friday.\n\nProfessor Nils Orde, the college’s chair, spoke afterwards. “Nobody asked family doctors what they thought,” he said.', 'Orde', 'Royal College of General Practitioners'],
    ['“the LMC’s” role: the LMC in focus', 'Hollins LMC wrote to every practice on Monday.\n\nThe LMC’s chairman, Dr Rhys Bevan, said: “Practices cannot take on more work for less money.”', 'Bevan', 'Hollins LMC'],
    ['a bare spokesperson after an organisation that opened the sentence before', 'Harwood CCG, which runs the scheme, defended the timetable. A spokeswoman said: “Nobody is being forced to take part.”', 'Harwood', 'NHS Harwood CCG'],
    ['a relative clause naming the organisation in focus by a description', 'Dr Lucy Marr has been appointed chair of Greyhaven CCG, replacing Dr Peter Otway, who led the group for four years.\n\nDr Otway said: “We proved that local doctors could run a budget.”', 'Otway', 'NHS Greyhaven CCG'],
    ['a later short mention', 'Dr Imran Qadir, clinical lead at Oakvale CCG, set out the plan in March.\n\nThe board met again in May and agreed the budget for the year.\n\nDr Qadir said: “The board has shown real courage in backing this plan.”', 'Qadir', 'NHS Oakvale CCG'],
  ])('%s', (_kind, text, surname, organisation) => {
    const q = only(text);
    expect(q.speaker).toContain(surname);
    expect(q.organisation).toBe(organisation);
  });
});

describe('a role before a name is a noun phrase, not the clause it stands in', () => {
  const people = (t: string) => analyse(t, { organisations: orgs, stance: LEXICON }).people;
  it.each([
    ['after an auxiliary and its participle', 'Campaigners are attacking Conservative health spokesman Dr Alan Pryor over the plans.', 'Dr Alan Pryor', 'Conservative health spokesman'],
    ['ending in a preposition', 'The committee chair spoke to reporters after Dr Alan Pryor left the room.', 'Dr Alan Pryor', null],
  ])('%s', (_kind, text, name, role) => {
    expect(people(text).find((p) => p.name === name)?.role ?? null).toBe(role);
  });

  it.each([
    ['a title after the role', 'Vice Chair of the Royal College of General Practitioners Dr Lena Osei spoke first.', 'Dr Lena Osei', 'Vice Chair of the Royal College of General Practitioners'],
    ['an office is a role, not a title', 'Health Secretary Ruth Kemble spoke first.', 'Ruth Kemble', 'Health Secretary'],
    ['an adverb before the role', 'Dr Lena Osei, also chair of Orchard Vale LMC, spoke first.', 'Dr Lena Osei', 'chair of Orchard Vale LMC'],
  ])('%s', (_kind, text, name, role) => {
    expect(people(text).map((p) => [p.name, p.role])).toEqual([[name, role]]);
  });

  it('a possessive is no part of a name', () => {
    expect(people('Nobody had read Dr Alan Pryor’s letter before the meeting.').map((p) => p.name)).toEqual(['Dr Alan Pryor']);
  });
});

describe('the person a reported clause is about is not its speaker', () => {
  it.each([
    ['a name after the verb that has its own subject', 'Dr Tom Hale chairs the board.\n\nDr Ann Price said Dr Tom Hale “has never once visited a practice in the area”.', 'Dr Ann Price'],
    ['a possessive before a speech noun', 'Dr Tom Hale chairs the board.\n\nA spokesman for the BMA said Mr Hale’s comments were “deeply unhelpful to everyone”.', 'British Medical Association'],
    ['inverted, the verb opening its clause', 'The plans were published on Monday.\n\nSaid Dr Ann Price: “Nobody asked the practices what they thought.”', 'Dr Ann Price'],
  ])('%s', (_kind, text, speaker) => {
    expect(quotes(text).at(-1)!.speaker).toBe(speaker);
  });

  it.each([
    ['the subject is the clause before the verb', 'Dr Tom Hale chairs the board.\n\nBut Dr Tom Hale has much in common with his critics, the columnist suggested: “He wants the same thing they want.”', 'the columnist'],
    ['an apposition left open stays with its name', 'Dr Ann Price, chair of Orchard Vale LMC and a partner at Elm Surgery said: “Nobody asked the practices what they thought.”', 'Dr Ann Price'],
    ['capitalised role words before a name of unknown first name', 'Rural Health Forum Executive Director Nihal Aswad says in a statement that Mr Hale’s “plans are a mess from start to finish”.', 'Nihal Aswad'],
  ])('%s', (_kind, text, speaker) => {
    expect(quotes(text).at(-1)!.speaker).toBe(speaker);
  });

  it('a short aside in brackets is part of the subject', () => {
    const q = quotes('The structure of primary care commissioning is a “challenge that must be overcome”, clinical commissioning group (CCG) leads have told ministers.');
    expect(q.at(-1)!.speaker).toBe('clinical commissioning group leads');
  });

  it('auxiliaries before the verb are not part of the subject', () => {
    const q = quotes('“Nothing prepares you for the job,” the two-term chair will say on Friday.');
    expect(q.at(-1)!.speaker).toBe('the two-term chair');
  });

  it('a speech verb is no part of a role', () => {
    const people = analyse('A spokesman for the BMA said Mr Tom Hale was wrong.', { organisations: orgs, stance: LEXICON }).people;
    expect(people.map((p) => [p.name, p.role])).toEqual([['Mr Tom Hale', null]]);
  });
});

describe('a newspaper’s leading article', () => {
  it('speaks for the paper last named', () => {
    const q = only('The Guardian ran the story on its front page.\n\nThe leading article said: “Ministers have not explained who will run the new boards.”');
    expect(q.speaker).toBe('The Guardian');
  });

  it('speaks for neither of two papers named together', () => {
    const q = only('The figures come from a joint inquiry by The Guardian and the Financial Times.\n\nThe leading article said: “Ministers have not explained who will run the new boards.”');
    expect(q.speaker).not.toBe('Financial Times');
    expect(q.organisation).toBeNull();
  });
});

describe('a subject with a relative clause is the noun phrase before it, not the speaker before', () => {
  it.each([
    ['set off by commas', 'Senator Ray Colton defended the plan. “We will repeal it,” Colton told reporters.\n\nA senior administration official, who spoke on condition of anonymity to discuss private talks, said: “The president will not sign anything that raises premiums.”', 'A senior administration official'],
    ['without commas', 'Dr Sam Hollis, a GP at the Elm Surgery, said the car park would grow. “We have listened,” he said.\n\nOne man who lives next to the surgery and has complained about parking for years said: “Nothing has changed at all.”', 'One man'],
  ])('%s', (_kind, text, speaker) => {
    expect(quotes(text).at(-1)!.speaker).toBe(speaker);
  });
});

describe('attribution forms without a speech verb next to the quote', () => {
  it.each([
    ['a caption: name, colon, quote', "Dr Okafor: 'We will not let the surgery close while patients still need it.'", 'Okafor'],
    ['a caption with an organisation', 'Marchland CCG: “The consultation closes at the end of the month and not before.”', 'NHS Marchland CCG'],
    ['a credit line after a quotation that fills its paragraph', 'The study followed nine practices for two years.\n\n“Our findings show that small practices struggle most when budgets move to the centre.”\n\nMarta Kowalczyk, senior analyst, Nuffield Trust', 'Kowalczyk'],
    ['a role set off by dashes before the name', 'But speaking at a conference last week - after the long vote on the new contract - Eastmere LMC executive member Dr Tobias Renn said the plans were rushed.\n\nDr Renn said: “Nobody has explained where the money will come from next year.”', 'Renn'],
  ])('%s', (_kind, text, speaker) => {
    expect(only(text).speaker).toContain(speaker);
  });

  it('a credit line gives the organisation it names', () => {
    const t = '“Our findings show that small practices struggle most when budgets move to the centre.”\n\nMarta Kowalczyk, senior analyst, Nuffield Trust';
    expect(only(t).organisation).toBe('Nuffield Trust');
  });

  it('a paragraph that continues the prose is not a credit line', () => {
    const t = '“Our findings show that small practices struggle most when budgets move to the centre.”\n\nMarta Kowalczyk said the findings were preliminary and would be revised.';
    expect(only(t).speaker).toBeNull();
  });

  it('a role set off by dashes gives the organisation', () => {
    const t = 'But speaking at a conference last week - after the long vote on the new contract - Eastmere LMC executive member Dr Tobias Renn said the plans were rushed.\n\nDr Renn said: “Nobody has explained where the money will come from next year.”';
    expect(only(t).organisation).toBe('Eastmere LMC');
  });
});

describe('organisations that speak', () => {
  it.each([
    ['a spokesperson of a listed organisation', 'A BMA spokesperson said: “We will study the proposals closely before we respond to them.”', 'British Medical Association'],
    ['an organisation speaking', 'NHS England said: “Every area will have the support it needs to make the change.”', 'NHS England'],
    ['a spokesperson of an organisation not in the list', 'An Elmbridge Council spokeswoman said: “The council will consult residents before any decision is made.”', 'Elmbridge Council'],
    ['“the college”, the organisation in focus', 'The Royal College of General Practitioners wrote to ministers last week, and Harrowfield CCG replied.\n\nThe college said: “General practice cannot be rebuilt without more doctors in it.”', 'Royal College of General Practitioners'],
    ['“the organisation”, the last named', 'Marchland CCG published its plans on Friday.\n\nThe organisation said: “We expect to save money by sharing back-office staff.”', 'NHS Marchland CCG'],
    ['a document, for the organisation that issued it', 'Healthwatch England published a report on Monday about waiting times.\n\nThe report said: “Patients in rural areas wait twice as long as those in towns.”', 'Healthwatch England'],
    ['a spokesman qualified by a name alone', '“No decision has been taken on the future of the surgery,” an NHS spokesman said.', 'NHS'],
    ['a document described by the kind of its issuer, the one in focus', 'Greywater CCG wrote to every surgery on Monday.\n\n“Every practice has been offered a meeting,” according to a CCG statement.', 'NHS Greywater CCG'],
    ['a spokesperson for an organisation described, the one in focus', 'Greywater CCG will close two of its offices in the autumn.\n\nA spokesperson for the CCG said: “Nobody will lose their job as a result of the move.”', 'NHS Greywater CCG'],
    ['a spokesperson described by kind, the one in focus', 'Greywater CCG will close two of its offices in the autumn.\n\nA CCG spokeswoman said: “Nobody will lose their job as a result of the move.”', 'NHS Greywater CCG'],
    ['the spokesman of an organisation in the possessive', 'The Lakeside Community Health NHS Trust has taken on the staff.\n\nThe trust’s spokesman said: “Every member of staff has been offered a post on the same terms.”', 'Lakeside Community Health NHS Trust'],
  ])('%s', (_kind, text, organisation) => {
    expect(only(text).organisation).toBe(organisation);
  });

  // A wrong organisation under a quote is worse than none.
  it.each([
    ['a spokesperson for a body the text never names', 'A spokesman for the council said: “We have not been told anything about the plans yet.”'],
    ['a spokesperson by kind, and no such body in the text', 'An ICB spokesperson said: “We will work with every practice over the summer months.”'],
    ['a pronoun of the other gender than the person just named', 'Dr Ingrid Sowerby, chair of Fallowmere CCG, and his deputy Dr Ben Catterall visited every practice.\n\nDr Catterall said: “We have had thirty meetings and we will have thirty more.”'],
    ['a counterpart, with no organisation of its own', 'Dr Ada Quill, who chairs Fallowmere CCG, welcomed the news.\n\nHer counterpart, Dr Piers Wynn, was more cautious. “We are not convinced the money will follow,” he said.'],
    ['a relative clause naming an organisation by its kind, none in the text', 'Dr Tamsin Hale, who chairs the CCG’s governing body, said: “Local doctors will decide where the money goes.”'],
    ['“the board” with no board in focus', 'Greywater CCG met on Friday.\n\nThe board’s chief executive, Alan Mbeki, said: “Hospitals and practices will plan together from now on.”'],
    ['“the LMC’s” role with no LMC in the text', 'The LMC’s chairman, Dr Rhys Bevan, said: “Practices cannot take on more work for less money.”'],
    ['a bare spokesperson after an organisation that is no subject', 'Dr Ann Lee criticised Harwood CCG over the timetable. A spokeswoman said: “Nobody is being forced to take part.”'],
    ['a bare spokesperson in a new paragraph', 'Harwood CCG defended the timetable.\n\nA spokeswoman said: “Nobody is being forced to take part.”'],
    ['two that fit, named together', 'Ashcombe CCG and Brindle CCG are to merge next April.\n\nA CCG spokeswoman said: “No decision has been taken on where the new offices will be.”'],
  ])('%s: no organisation', (_kind, text) => {
    expect(only(text).organisation).toBeNull();
  });

  it('a relative clause naming a post gives the role, without when', () => {
    const q = quotes('Dr Ivo Marsh, who was appointed chief officer of the new organisation last month, said: “The boards have worked hard to get here.”');
    expect(q.map((x) => [x.speaker, x.role])).toEqual([['Dr Ivo Marsh', 'chief officer of the new organisation']]);
  });

  it('a clause before the name is no role: “Speaking to X, Professor Y, chair of Z, said”', () => {
    const q = quotes('Speaking to GP Weekly, Professor Nell Arden, chair of the Royal College of General Practitioners, said: “It is vital that family doctors lead this work.”');
    expect(q.map((x) => [x.speaker, x.role, x.organisation])).toEqual([['Professor Nell Arden', 'chair of the Royal College of General Practitioners', 'Royal College of General Practitioners']]);
  });

  it('a role in the possessive of an organisation described: the one in focus', () => {
    const q = only('Greywater CCG voted to take on delegated commissioning.\n\nThe CCG’s accountable officer, Dr Rhona Tate, said: “It lets us plan services around patients, not contracts.”');
    expect(q).toEqual({ speaker: 'Dr Rhona Tate', organisation: 'NHS Greywater CCG' });
  });
});

describe('short mentions by role: the person of the document with that role', () => {
  it.each([
    ['“the chair”: a post given by a predicate', 'Dr Lucy Marr has been appointed chair of Greyhaven CCG, replacing Dr Peter Otway.\n\nAsked about delegation, the chair said: “We will take it on from April.”', 'Dr Lucy Marr', 'NHS Greyhaven CCG'],
    ['“the GPC chair”: organisation and role', 'Dr Nadia Ferreira, chair of the GPC, opened the meeting. Dr Owen Blake, a GP in Leeds, spoke next.\n\n“We will ballot the profession in the spring,” the GPC chair said.', 'Dr Nadia Ferreira', 'GPC'],
    ['“the chief officer”: a role of two words', 'Jo Lake, chief officer of Fenland CCG, wrote to practices. Dr Mark Tull replied for the LMC.\n\nThe chief officer said: “Every practice will be visited before the end of May.”', 'Jo Lake', 'NHS Fenland CCG'],
    ['“the college’s chair”: the organisation in focus', 'The Royal College of General Practitioners met on Friday. Professor Ada Quinn, chair of the college, spoke first, and Dr Ben Iles, a GP, answered.\n\n“General practice is at breaking point,” the college’s chair said.', 'Professor Ada Quinn', 'Royal College of General Practitioners'],
    ['“the chair”, given in apposition', 'Dr Priya Nand, chair of Brookfield CCG, met Dr Colm Rees on Monday.\n\nThe chair said: “We have agreed the budget, and nobody will lose out.”', 'Dr Priya Nand', 'NHS Brookfield CCG'],
  ])('%s', (_kind, text, speaker, organisation) => {
    expect(only(text)).toEqual({ speaker, organisation });
  });

  it.each([
    ['a one-word role given as a pre-modifier may be another person', 'Wessex Bank President Dr Hal Noakes spoke first.\n\n“The deal is done,” the president said.'],
    ['nobody with that role', 'Dr Priya Nand, a GP in Brookfield, met Dr Colm Rees on Monday.\n\n“The budget is agreed,” the treasurer said.'],
  ])('%s: not resolved to a person', (_kind, text) => {
    expect(only(text).speaker).not.toMatch(/Noakes|Nand|Rees/);
  });
});

describe('a document speaks as the organisation that issued it', () => {
  it.each([
    ['“the report said”', 'Healthwatch England published a report on Monday about waiting times.\n\nThe report said: “Patients in rural areas wait twice as long as those in towns.”'],
    ['a newspaper’s editorial, with its quoted title', 'The Guardian looked into the figures last spring.\n\nThe editorial, “Time to act”, says that: “Half of the practices asked had seen a partner leave in the last year.”'],
    ['“it added”, after the document', 'Healthwatch England published a report on Monday about waiting times.\n\nThe report said the delays were “getting worse every year”, and more.\n\n“Patients in rural areas wait twice as long as those in towns,” it added.'],
  ])('%s', (_kind, text) => {
    const q = quotes(text).at(-1)!;
    const who = /Guardian/.test(text) ? 'The Guardian' : 'Healthwatch England';
    expect(q).toMatchObject({ speaker: who, organisation: who });
  });
});

describe('the parts', () => {
  it.each([
    ['NHS Marchland chief executive', 'NHS Marchland'],
    ['accountable officer for the four Tyneford CCGs', 'four Tyneford CCGs'],
    ['a GP in a rural practice', null],
    ['Accountable Officer', null],
    ['attorney general of Wessexshire', null],
    ['Wessexshire attorney general', null],
    ['director of strategy at Westholme Partnership', 'Westholme Partnership'],
  ])('organisationInRole(%s)', (role, want) => {
    expect(organisationInRole(role)).toBe(want);
  });

  it.each([
    [' is a GP from Leeds who has practised for years.', null],
    [' was born in Cardiff.', null],
    [', who now leads NHS Marchland, said', 'NHS Marchland'],
    [' was appointed interim director of Westholme Partnership in May.', 'Westholme Partnership'],
  ])('affiliationAfter("X%s")', (after, want) => {
    const text = `X${after}`;
    expect(affiliationAfter(text, 1, [])?.organisation ?? null).toBe(want);
  });

  it.each([
    ['Ann Smith, who replaced ', true],
    ['The decision was praised by ', true],
    ['Speaking at the conference, ', false],
    ['Last month ', false],
  ])('isSubordinate after "%s"', (before, want) => {
    expect(isSubordinate(`${before}Dr Jo Bell`, before.length)).toBe(want);
  });

  it('a phrase without a spokesperson names no organisation', () => {
    expect(spokespersonOrganisation('The report')).toBeNull();
  });
});

describe('pronouns by salience, not recency', () => {
  it.each([
    ['a woman, then a man inside her relative clause', 'Dr Karen Whitlow, who replaced Sir Martin Caddick at the helm of NHS Marchland last month, met the practices on Monday.\n\nShe said: “We cannot keep asking GPs to do more with less money.”', 'Whitlow'],
    ['two men, the second inside a relative clause', 'Dr Gareth Penhale, who succeeded Dr Robert Ingham as chair of the committee, opened the meeting.\n\nHe said: “The committee will publish its findings before the summer.”', 'Penhale'],
    ['two men, the second the object of a preposition', 'Dr Gareth Penhale spent the morning with Dr Robert Ingham at the surgery.\n\nHe said: “The surgery is a model that others in the county should follow.”', 'Penhale'],
    ['the last subject when both are subjects', 'Dr Gareth Penhale opened the meeting. Dr Robert Ingham closed it.\n\nHe said: “The meeting was the most useful we have had in a long time.”', 'Ingham'],
  ])('%s', (_kind, text, surname) => {
    expect(only(text).speaker).toContain(surname);
  });
});

describe('a plural subject in the perfect after the quote', () => {
  // "have told", "have warned": the auxiliary is not part of the speaker, as "has" and "had" are not.
  it.each([
    ['The new rota is “unworkable in its current form”, hospital consultants have told the trust board.', 'hospital consultants'],
    ['The merger is “a step too far for patients in the north of the county”, local councillors have warned.', 'local councillors'],
    ['The plan is “a sensible way forward for the practices involved”, Dr Maya Osei has told the committee.', 'Dr Maya Osei'],
  ])('%s', (text, speaker) => {
    expect(only(text).speaker).toBe(speaker);
  });
});
