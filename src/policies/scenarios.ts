import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { parseDocument } from '../markdown/syntax.ts';
import { SCENARIO_SLOTS } from '../schema/components.ts';

export type ScenarioSlot = (typeof SCENARIO_SLOTS)[number];

export interface ScenarioData {
  title: string;
  /** Each part as HTML, rendered from the policy's own Markdown (raw HTML is dropped). */
  parts: Record<ScenarioSlot, string>;
}

/**
 * The role-play cards in a policy's MDX, in page order, for the training pack. Reads the source
 * rather than the rendered page, so the pack needs no second render of every policy.
 */
export function extractScenarios(source: string): ScenarioData[] {
  const tree: Root = parseDocument(source, 'mdx');
  const scenarios: ScenarioData[] = [];
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (node.name !== 'Scenario') return;
    const title = stringAttribute(node, 'title');
    if (!title) return;
    const parts = Object.fromEntries(SCENARIO_SLOTS.map((slot) => [slot, slotHtml(node, slot)])) as Record<ScenarioSlot, string>;
    scenarios.push({ title, parts });
  });
  return scenarios;
}

function stringAttribute(node: MdxJsxFlowElement, name: string): string | undefined {
  const attribute = node.attributes.find((item): item is MdxJsxAttribute => item.type === 'mdxJsxAttribute' && item.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

function slotHtml(scenario: MdxJsxFlowElement, slot: ScenarioSlot): string {
  const holder = scenario.children.find(
    (child): child is MdxJsxFlowElement => child.type === 'mdxJsxFlowElement' && stringAttribute(child, 'slot') === slot,
  );
  if (!holder) return '';
  const root: Root = { type: 'root', children: holder.children as RootContent[] };
  return toHtml(toHast(root));
}
