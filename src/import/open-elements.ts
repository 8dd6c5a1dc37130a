/**
 * HTML's stack of open elements, kept from tags alone (see measure-html.ts): just enough of the
 * HTML standard's tree construction (https://html.spec.whatwg.org/#tree-construction) to know how
 * deep the tree gets and how many elements parse5 makes, in time linear in the tags.
 */

const set = (names: string, ...more: string[]) => new Set([...names.split(' '), ...more]);

const VOID = set('area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr');
/** The standard's "special" elements: an end tag for anything else stops at them. */
const SPECIAL = set(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp',
);
/** Elements parse5 re-opens (clones) after a block closed them, until their own end tag. */
const FORMATTING = set('a b big code em font i nobr s small strike strong tt u');
/** Where the re-opening stops: formatting opened outside a cell is not cloned inside it. */
const MARKERS = set('applet caption marquee object template td th');
const CELLS = set('caption template td th');
/** Start tags that end an open `<p>` and do not re-open formatting. */
const BLOCKS = set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section summary table ul li dd dt listing xmp plaintext search',
);
const TABLE_PARTS = set('caption colgroup col tbody thead tfoot tr td th');
const SECTIONS = set('tbody thead tfoot');
/** Where an end tag stops looking for its element ("has an element in scope"). SVG and MathML elements are named `svg title`, `math mi`. */
const SCOPE = set('applet caption html table td th marquee object template', 'math mi', 'math mo', 'math mn', 'math ms', 'math mtext', 'math annotation-xml', 'svg foreignobject', 'svg desc', 'svg title');
const BUTTON_SCOPE = new Set([...SCOPE, 'button']);
const TABLE_SCOPE = set('html table template');
const SCOPES = new Map<string, Set<string>>([
  ['li', new Set([...SCOPE, 'ol', 'ul'])],
  ['p', BUTTON_SCOPE],
  ...[...TABLE_PARTS, 'table'].map((name): [string, Set<string>] => [name, TABLE_SCOPE]),
]);
/** SVG's and MathML's places for HTML: inside them, tags are read as HTML again. */
const INTEGRATION_POINTS = new Set([...SCOPE].filter((name) => name.includes(' ')));
/** An ordinary element's end tag stops at any special element. */
const STOPS_ORDINARY = new Set([...SPECIAL, ...INTEGRATION_POINTS]);
/** An item's start ends the open item of its kind, looking down past everything but these. */
const ITEM_STOPS = new Set([...STOPS_ORDINARY].filter((name) => name !== 'address' && name !== 'div' && name !== 'p'));
interface Ends {
  ends: Set<string>;
  stopsAt: Set<string>;
}
/** What a start tag ends ("close the cell", a new `<li>` ends the last), and where it stops looking. */
const ENDS = new Map<string, Ends>([
  ['li', { ends: set('li'), stopsAt: ITEM_STOPS }],
  ...['dd', 'dt'].map((name): [string, Ends] => [name, { ends: set('dd dt'), stopsAt: ITEM_STOPS }]),
  ...['td', 'th'].map((name): [string, Ends] => [name, { ends: set('td th'), stopsAt: TABLE_SCOPE }]),
  ['tr', { ends: set('tr'), stopsAt: TABLE_SCOPE }],
  ...[...SECTIONS].map((name): [string, Ends] => [name, { ends: SECTIONS, stopsAt: TABLE_SCOPE }]),
]);
const P = set('p');
const HEADINGS = set('h1 h2 h3 h4 h5 h6');
const RAW_TEXT = set('script style textarea title xmp iframe noembed noframes noscript plaintext');
const SELECT = set('select');
/** In a `<select>` HTML ignores most tags; these end it, and these it takes. */
const SELECT_ENDS = set('select input keygen textarea');
const SELECT_TAKES = set('option optgroup hr script template');
const SELECT_END_TAGS = set('select option optgroup template');
const NOTHING = new Set<string>();
/** HTML start tags that end SVG or MathML content. */
const BREAKS_OUT = set('b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var');
/** Beyond this many open elements only the depth is counted: a hostile file nests millions. */
const KEPT = 10_000;
/** How far down an end tag looks for its element; further down it is left open (deeper, not shallower). */
const LOOK_DOWN = 64;
/** Stands for the formatting elements parse5 clones; one entry weighs as many as it stands for. */
const CLONES = '#clones';

type Space = 'html' | 'svg' | 'math';

interface Entry {
  /** The tag name; for SVG and MathML elements prefixed with their space (`svg g`). */
  name: string;
  space: Space;
  weight: number;
  /** The active formatting elements when a marker (a table cell) opened: restored when it closes. */
  activeBefore?: Map<string, number>;
}

export class OpenElements {
  elements = 0;
  deepest = 0;
  #stack: Entry[] = [];
  #depth = 0;
  #hidden = 0;
  #open = new Map<string, number>();
  /** Formatting elements started and not ended by their own tag, by name: parse5 re-opens those not on the stack. */
  #active = new Map<string, number>();
  #activeCount = 0;
  #formattingOnStack = 0;

  start(name: string, selfClosing: boolean): void {
    this.elements++;
    if (this.#inForeignContent() && BREAKS_OUT.has(name)) while (this.#inForeignContent()) this.#pop();
    if (this.#inSelect() && !this.#selectTakes(name)) return;
    const space: Space = this.#inForeignContent() ? (this.#top() as Entry).space : name === 'svg' || name === 'math' ? name : 'html';
    if (space !== 'html') {
      if (!selfClosing) this.#push({ name: `${space} ${name}`, space, weight: 1 });
      return;
    }
    // Outside a table, HTML ignores a cell or a row: it would otherwise end the wrong element here.
    if (TABLE_PARTS.has(name) && !this.#inTable()) return;
    this.#endsOpen(name);
    this.#impliedTableParts(name);
    if (!BLOCKS.has(name) && !TABLE_PARTS.has(name)) this.text();
    if (VOID.has(name)) return;
    const entry: Entry = { name, space, weight: 1 };
    if (MARKERS.has(name)) entry.activeBefore = new Map(this.#active);
    this.#push(entry);
    if (FORMATTING.has(name)) this.#setActive(name, 1);
  }

  end(name: string): void {
    // HTML keeps reading into the body after `</body>`.
    if (name === 'body' || name === 'html') return;
    if (this.#hidden > 0) {
      this.#hidden--;
      return;
    }
    if (this.#inSelect() && !SELECT_END_TAGS.has(name)) return;
    // `</h1>` ends whichever heading is open.
    const names = HEADINGS.has(name) ? [...HEADINGS] : [name];
    const onStack = names.reduce((sum, each) => sum + (this.#open.get(each) ?? 0), 0) + (this.#open.get(`svg ${name}`) ?? 0) + (this.#open.get(`math ${name}`) ?? 0);
    const found = onStack > 0 ? this.#find(name) : undefined;
    const marker = found === undefined ? undefined : this.#stack[found]?.activeBefore;
    if (found !== undefined) while (this.#stack.length > found) this.#pop();
    if (marker) this.#restoreActive(marker);
    // An end tag that cannot reach its formatting element (a table between) leaves it active.
    if (FORMATTING.has(name) && (!this.#open.get(name) || found !== undefined) && (this.#active.get(name) ?? 0) > 0) this.#setActive(name, -1);
  }

  /** Does the element `name` just opened hold raw text (`<style>`, `<script>`, `<textarea>`), as HTML reads it there? */
  holdsText(name: string): boolean {
    return RAW_TEXT.has(name) && this.#top()?.name === name;
  }

  /** Text, or an element that holds text, after a block closed formatting elements: parse5 re-opens them. */
  text(): void {
    const clones = this.#activeCount - this.#formattingOnStack;
    if (clones <= 0) return;
    this.elements += clones;
    this.#push({ name: CLONES, space: 'html', weight: clones });
  }

  /**
   * Where `name`'s element is on the stack, if its end tag reaches it. In SVG or MathML the end
   * tag first looks through the foreign elements above; then HTML's rules look from the top, and
   * stop where its scope ends (or, for an ordinary element's end tag, at any special element).
   */
  #find(name: string): number | undefined {
    const stack = this.#stack;
    const bottom = Math.max(0, stack.length - LOOK_DOWN);
    for (let index = stack.length - 1; index >= bottom && stack[index]?.space !== 'html'; index--) {
      const entry = stack[index] as Entry;
      if (entry.name === `${entry.space} ${name}`) return index;
    }
    // `</template>` ends its template whatever is open inside it.
    const stopsAt = name === 'template' ? NOTHING : SPECIAL.has(name) ? (SCOPES.get(name) ?? SCOPE) : STOPS_ORDINARY;
    for (let index = stack.length - 1; index >= bottom; index--) {
      const entry = stack[index] as Entry;
      if (entry.name === name || (HEADINGS.has(name) && HEADINGS.has(entry.name))) return index;
      if (stopsAt.has(entry.name)) return undefined;
    }
    return undefined;
  }

  /** `<td>` right in a `<table>` opens a `<tbody>` and a `<tr>` first, as parse5 does. */
  #impliedTableParts(name: string): void {
    const top = this.#top()?.name ?? '';
    const implied = name === 'td' || name === 'th' ? (top === 'table' ? ['tbody', 'tr'] : SECTIONS.has(top) ? ['tr'] : []) : name === 'tr' && top === 'table' ? ['tbody'] : [];
    for (const part of implied) {
      this.elements++;
      this.#push({ name: part, space: 'html', weight: 1 });
    }
  }

  /** In SVG or MathML, and not in one of its places for HTML (`<foreignObject>`, `<mi>`). */
  #inForeignContent(): boolean {
    const top = this.#top();
    return top !== undefined && top.space !== 'html' && !INTEGRATION_POINTS.has(top.name);
  }

  /** A table, or a template (which takes rows and cells too), is open. */
  #inTable(): boolean {
    return (this.#open.get('table') ?? 0) > 0 || (this.#open.get('template') ?? 0) > 0;
  }

  /** In a `<select>`: right in it, or in its options. */
  #inSelect(): boolean {
    for (let index = this.#stack.length - 1; index >= Math.max(0, this.#stack.length - LOOK_DOWN); index--) {
      const name = this.#stack[index]?.name;
      if (name === 'select') return true;
      if (name !== 'option' && name !== 'optgroup') return false;
    }
    return false;
  }

  /** A `<select>` inside a table or a cell (nearer than a template) also ends at the table's own tags. */
  #selectInTable(): boolean {
    for (let index = this.#stack.length - 1; index >= Math.max(0, this.#stack.length - LOOK_DOWN); index--) {
      const name = this.#stack[index]?.name;
      if (name === 'template') return false;
      if (name === 'table' || TABLE_PARTS.has(name ?? '')) return true;
    }
    return false;
  }

  #selectTakes(name: string): boolean {
    const ends = SELECT_ENDS.has(name) || ((name === 'table' || TABLE_PARTS.has(name)) && this.#selectInTable());
    if (ends) this.#closeThrough(SELECT, NOTHING);
    return name !== 'select' && (ends || SELECT_TAKES.has(name));
  }

  /** What `name`'s start tag closes before it opens: the last item, the open cell, a `<p>`, a heading. */
  #endsOpen(name: string): void {
    const rule = ENDS.get(name);
    if (rule) this.#closeThrough(rule.ends, rule.stopsAt);
    if (BLOCKS.has(name)) this.#closeThrough(P, BUTTON_SCOPE);
    const top = this.#top()?.name ?? '';
    if ((HEADINGS.has(name) && HEADINGS.has(top)) || ((name === 'option' || name === 'optgroup') && top === 'option') || (name === 'optgroup' && top === 'optgroup')) this.#pop();
  }

  #closeThrough(ends: Set<string>, stopsAt: Set<string>): void {
    const stack = this.#stack;
    if (this.#hidden > 0) return;
    for (let index = stack.length - 1; index >= Math.max(0, stack.length - LOOK_DOWN); index--) {
      const name = (stack[index] as Entry).name;
      if (ends.has(name)) {
        while (stack.length > index) this.#pop();
        return;
      }
      if (stopsAt.has(name)) return;
    }
  }

  #push(entry: Entry): void {
    if (this.#stack.length < KEPT && this.#hidden === 0) {
      this.#stack.push(entry);
      this.#open.set(entry.name, (this.#open.get(entry.name) ?? 0) + 1);
      if (isFormatting(entry)) this.#formattingOnStack += entry.weight;
      this.#depth += entry.weight;
    } else this.#hidden += entry.weight;
    this.deepest = Math.max(this.deepest, this.#depth + this.#hidden);
  }

  #pop(): void {
    const entry = this.#stack.pop();
    if (!entry) return;
    this.#open.set(entry.name, (this.#open.get(entry.name) ?? 1) - 1);
    this.#depth -= entry.weight;
    if (isFormatting(entry)) this.#formattingOnStack -= entry.weight;
    // Closing a cell forgets the formatting opened in it; an `<object>` forgets only at its own end tag.
    if (entry.activeBefore && CELLS.has(entry.name)) this.#restoreActive(entry.activeBefore);
  }

  #restoreActive(before: Map<string, number>): void {
    this.#active = before;
    this.#activeCount = [...before.values()].reduce((sum, count) => sum + count, 0);
  }

  #setActive(name: string, change: number): void {
    this.#active.set(name, (this.#active.get(name) ?? 0) + change);
    this.#activeCount += change;
  }

  #top(): Entry | undefined {
    return this.#stack.at(-1);
  }
}

function isFormatting(entry: Entry): boolean {
  return entry.name === CLONES || FORMATTING.has(entry.name);
}
