/**
 * micromark (the parser under remark) applies its event edits with `EditMap.consume`, which
 * copies every event of the document each time, even when the edits are all at the end. The
 * document tokenizer calls it once per list that a paragraph follows (and once per list item
 * when items are separated), so parsing was quadratic in the number of lists: 4,000 short lists
 * took 6.2 s to tokenize, 8,000 about 25 s, and an imported policy is parsed four times (the
 * escape check, the schema, the lint, the reading report).
 *
 * This replaces `consume` with the same algorithm started at the first edit: the events before it
 * are not touched, so they need not be copied out and back. Same result (the unit test checks it
 * against the original on random edits); cost proportional to what the edits move. Installed on
 * import; micromark-util-edit-map@1.0.0 is the only version (micromark 4.0.3, latest).
 */
import { EditMap } from 'micromark-util-edit-map';

type Event = Parameters<EditMap['consume']>[0][number];
type Change = [at: number, remove: number, add: Event[]];

export const originalConsume = EditMap.prototype.consume;

export function consumeFromFirstEdit(this: EditMap, events: Event[]): undefined {
  const map = (this as unknown as { map: Change[] }).map;
  map.sort((a, b) => a[0] - b[0]);
  if (map.length === 0) return;
  // As upstream, from the last edit back: keep what follows each edit, then its additions.
  const pieces: Event[][] = [];
  for (let index = map.length - 1; index >= 0; index--) {
    const [at, remove, add] = map[index] as Change;
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  // Upstream copies the events before the first edit out and back in here; they stay.
  for (let piece = pieces.pop(); piece; piece = pieces.pop()) for (const event of piece) events.push(event);
  map.length = 0;
  (this as unknown as { index: Map<number, Change> }).index.clear();
}

EditMap.prototype.consume = consumeFromFirstEdit;
