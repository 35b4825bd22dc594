// The Saved tab's first paint draws only what a popup shows before scrolling (SavedTab.tsx).
import { describe, expect, it } from 'vitest';
import { FIRST_DRAW, firstItems } from '@/components/popup/SavedTab';
import type { StoreGroupView } from '@/utils/popup/schemas';

const group = (id: string, count: number) => ({ id, itemCount: count, items: Array.from({ length: count }, (_, i) => ({ key: `${id}#${i}` })) }) as unknown as StoreGroupView;
const keys = (groups: StoreGroupView[]) => groups.map((g) => [g.id, g.items.map((i) => i.key)]);

describe('firstItems', () => {
  it('cuts the page to its first items in list order, keeping each store whole but for its items', () => {
    const drawn = firstItems([group('a', 2), group('b', 4), group('c', 1)], 5);
    expect(keys(drawn)).toEqual([
      ['a', ['a#0', 'a#1']],
      ['b', ['b#0', 'b#1', 'b#2']],
    ]);
    // The store still says how many items it has and what checkout covers: all of them.
    expect(drawn[1]!.itemCount).toBe(4);
  });

  it('keeps the groups as they are when the page is no larger', () => {
    const groups = [group('a', 2), group('b', 3)];
    const drawn = firstItems(groups, 5);
    expect(drawn[0]).toBe(groups[0]);
    expect(drawn[1]).toBe(groups[1]);
    expect(firstItems([], FIRST_DRAW)).toEqual([]);
  });
});
