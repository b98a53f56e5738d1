import { describe, expect, it } from 'vitest';
import { MAX_CRITERIA, mergeCriteria, parseCriteria } from '~/statements/criteria';
import {
  CHARITY_TAILS,
  COUNCIL_TABLE,
  NHS_BAND_5,
  UNIVERSITY_LECTURER,
} from '../../fixtures/specifications';

describe('listing the criteria of a pasted person specification', () => {
  it('reads an NHS specification: every criterion in order, essential or desirable by its heading', () => {
    expect(parseCriteria(NHS_BAND_5)).toEqual([
      { text: 'Registered Nurse (Adult) with current NMC registration', category: 'essential' },
      { text: 'Evidence of continuing professional development', category: 'essential' },
      { text: 'Mentorship or practice assessor qualification', category: 'desirable' },
      {
        text: 'Experience of caring for acutely unwell adult patients, including during student placements',
        category: 'essential',
      },
      { text: 'Experience of working on a respiratory or medical ward', category: 'desirable' },
      {
        text: 'Able to prioritise a caseload and escalate concerns appropriately',
        category: 'essential',
      },
      { text: 'Good written and verbal communication skills', category: 'essential' },
      {
        text: 'Basic IT skills, including use of electronic patient records',
        category: 'essential',
      },
      { text: 'Venepuncture and cannulation', category: 'desirable' },
      {
        text: 'Commitment to the Trust values of compassion, respect and teamwork',
        category: 'essential',
      },
    ]);
  });

  it('reads a university PDF: numbering and assessment notes dropped, a wrapped line joined', () => {
    expect(parseCriteria(UNIVERSITY_LECTURER)).toEqual([
      {
        text: 'A PhD in Computer Science or a closely related discipline',
        category: 'essential',
      },
      {
        text: 'Experience of teaching undergraduate students in lectures, seminars and laboratory classes',
        category: 'essential',
      },
      { text: 'A record of publication in peer-reviewed venues', category: 'essential' },
      {
        text: 'Ability to communicate complex ideas clearly to a range of audiences',
        category: 'essential',
      },
      { text: 'Fellowship of the Higher Education Academy', category: 'desirable' },
      {
        text: 'Experience of supervising postgraduate research students',
        category: 'desirable',
      },
    ]);
  });

  it('reads a table pasted with tabs: the ticked column says essential or desirable', () => {
    expect(parseCriteria(COUNCIL_TABLE)).toEqual([
      { text: 'Educated to degree level or equivalent experience', category: 'essential' },
      { text: 'Knowledge of local government finance', category: 'desirable' },
      { text: 'Experience of managing a budget of over £1m', category: 'essential' },
    ]);
  });

  it('reads "(E)", "(D)" and "– Essential" at the end of a line', () => {
    expect(parseCriteria(CHARITY_TAILS)).toEqual([
      { text: 'Experience of volunteer coordination', category: 'essential' },
      { text: 'Full UK driving licence', category: 'desirable' },
      { text: 'Understanding of safeguarding', category: 'essential' },
    ]);
  });

  it('keeps short lowercase criteria apart rather than joining them', () => {
    const spec =
      'Essential\nability to prioritise\ngood IT skills\nDesirable\nweekend availability';
    expect(parseCriteria(spec)).toEqual([
      { text: 'ability to prioritise', category: 'essential' },
      { text: 'good IT skills', category: 'essential' },
      { text: 'weekend availability', category: 'desirable' },
    ]);
  });

  it('takes "Essential: …" on one line as a heading and a criterion', () => {
    expect(parseCriteria('Essential: Degree in social work\nDesirable: Welsh speaker')).toEqual([
      { text: 'Degree in social work', category: 'essential' },
      { text: 'Welsh speaker', category: 'desirable' },
    ]);
  });

  it('lists nothing for empty or heading-only text, repeats once, and stops at the cap', () => {
    expect(parseCriteria('')).toEqual([]);
    expect(parseCriteria('Person Specification\nEssential\nDesirable\n')).toEqual([]);
    expect(parseCriteria('Good team work\nGood team work')).toHaveLength(1);
    const many = Array.from({ length: 60 }, (_, i) => `Criterion number ${i + 1}`).join('\n');
    expect(parseCriteria(many)).toHaveLength(MAX_CRITERIA);
  });
});

describe('listing the criteria again', () => {
  it('keeps the evidence already written, and criteria with evidence the new list lacks', () => {
    const listed = parseCriteria('Essential\nNMC registration\nGood communication skills');
    const existing = [
      { text: 'nmc registration', category: 'essential' as const, evidence: 'Registered 2025.' },
      { text: 'Team work', category: 'essential' as const, evidence: 'Handover rota.' },
      { text: 'Empty one', category: 'desirable' as const, evidence: '' },
    ];
    expect(mergeCriteria(listed, existing)).toEqual([
      { text: 'NMC registration', category: 'essential', evidence: 'Registered 2025.' },
      { text: 'Good communication skills', category: 'essential', evidence: '' },
      { text: 'Team work', category: 'essential', evidence: 'Handover rota.' },
    ]);
  });
});
