import { describe, expect, it } from 'vitest';
import { computeLevel, diffLines, type LevelInputs } from './wiki';

const base: LevelInputs = { accountAgeDays: 0, identityVerified: false, acceptedEdits: 0, strikes: 0, override: null };

describe('wiki member levels', () => {
  it('starts at 0 and reaches 1 after a day', () => {
    expect(computeLevel(base)).toBe(0);
    expect(computeLevel({ ...base, accountAgeDays: 1 })).toBe(1);
  });

  it('needs a verified identity for level 2, however old the account', () => {
    expect(computeLevel({ ...base, accountAgeDays: 400, acceptedEdits: 50 })).toBe(1);
    expect(computeLevel({ ...base, accountAgeDays: 14, identityVerified: true })).toBe(2);
    expect(computeLevel({ ...base, accountAgeDays: 13, identityVerified: true })).toBe(1);
  });

  it('needs accepted edits for levels 3 and 4', () => {
    const verified = { ...base, identityVerified: true };
    expect(computeLevel({ ...verified, accountAgeDays: 60, acceptedEdits: 2 })).toBe(2);
    expect(computeLevel({ ...verified, accountAgeDays: 60, acceptedEdits: 3 })).toBe(3);
    expect(computeLevel({ ...verified, accountAgeDays: 179, acceptedEdits: 20 })).toBe(3);
    expect(computeLevel({ ...verified, accountAgeDays: 180, acceptedEdits: 20 })).toBe(4);
  });

  it('caps a member with a moderation strike at 1', () => {
    expect(computeLevel({ ...base, accountAgeDays: 400, identityVerified: true, acceptedEdits: 30, strikes: 1 })).toBe(1);
    expect(computeLevel({ ...base, strikes: 1 })).toBe(0);
  });

  it("lets an admin's override win both ways", () => {
    expect(computeLevel({ ...base, override: 4 })).toBe(4);
    expect(computeLevel({ ...base, accountAgeDays: 400, identityVerified: true, acceptedEdits: 30, override: 0 })).toBe(0);
  });
});

describe('line diff', () => {
  it('marks removed and added lines around the common ones', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'add', text: 'B' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ]);
    expect(diffLines('x', 'x')).toEqual([{ op: 'same', text: 'x' }]);
  });
});
