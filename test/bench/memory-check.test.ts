import { checkMemory } from '../../bench/memory-check';

const sent = [
  { text: 'a', rememberedAs: 1 },
  { text: 'hours', rememberedAs: undefined },
  { text: 'b', rememberedAs: 2 },
];

describe('checkMemory', () => {
  it('passes a session whose remembered answers are each stored once with the words sent', () => {
    expect(
      checkMemory(sent, [
        { turn: 1, user: 'a' },
        { turn: 2, user: 'b' },
      ]),
    ).toEqual({ expected: 2, stored: 2, lost: 0, duplicated: 0 });
  });

  it('counts a missing turn and a turn with other words as lost', () => {
    expect(checkMemory(sent, [{ turn: 1, user: 'a' }])).toMatchObject({ lost: 1, duplicated: 0 });
    expect(
      checkMemory(sent, [
        { turn: 1, user: 'a' },
        { turn: 2, user: 'c' },
      ]),
    ).toMatchObject({ lost: 1, duplicated: 0 });
  });

  it('counts a turn stored twice, a turn nobody was told of and two answers claiming one turn as duplicated', () => {
    expect(
      checkMemory(sent, [
        { turn: 1, user: 'a' },
        { turn: 2, user: 'b' },
        { turn: 2, user: 'b' },
      ]),
    ).toMatchObject({ lost: 0, duplicated: 1 });
    expect(
      checkMemory(sent, [
        { turn: 1, user: 'a' },
        { turn: 2, user: 'b' },
        { turn: 3, user: 'b' },
      ]),
    ).toMatchObject({ lost: 0, duplicated: 1 });
    expect(
      checkMemory(
        [
          { text: 'a', rememberedAs: 1 },
          { text: 'a', rememberedAs: 1 },
        ],
        [{ turn: 1, user: 'a' }],
      ),
    ).toMatchObject({ lost: 0, duplicated: 1 });
  });
});
