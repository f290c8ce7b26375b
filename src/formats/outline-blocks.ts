/**
 * Outlines as Logseq and RemNote write them in Markdown: `- ` bullets, nested by indentation (tabs or
 * spaces), a bullet's further lines indented under it, `key:: value` property lines. Read without recursion,
 * nesting capped at MAX_DEPTH (deeper bullets are children of the deepest allowed).
 */

export interface OutlineBlock {
  /** The bullet's text: its first line, then its further lines (without their indentation). */
  lines: string[];
  properties: Map<string, string>;
  children: OutlineBlock[];
  /** The 1-based line of the bullet. */
  line: number;
}

export interface Outline {
  /** Lines before the first bullet (Logseq's page properties). */
  preamble: string[];
  blocks: OutlineBlock[];
}

const MAX_DEPTH = 50;
const BULLET = /^([ \t]*)[-*+] (.*)$/;
const EMPTY_BULLET = /^([ \t]*)[-*+]$/;
const PROPERTY = /^([A-Z][\w-]{0,99}):: ?(.*)$/i;

const widthOf = (indent: string): number => indent.replace(/\t/g, '    ').length;

export function readOutline(text: string): Outline {
  const outline: Outline = { preamble: [], blocks: [] };
  const stack: { width: number; block: OutlineBlock }[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const bullet = BULLET.exec(raw) ?? EMPTY_BULLET.exec(raw);
    if (bullet !== null) {
      const width = widthOf(bullet[1]!);
      const block: OutlineBlock = {
        lines: [bullet[2] ?? ''],
        properties: new Map(),
        children: [],
        line: index + 1,
      };
      while (stack.length > 0 && stack[stack.length - 1]!.width >= width) stack.pop();
      const parent = stack.length >= MAX_DEPTH ? stack[MAX_DEPTH - 1] : stack[stack.length - 1];
      if (parent === undefined) outline.blocks.push(block);
      else parent.block.children.push(block);
      if (stack.length < MAX_DEPTH) stack.push({ width, block });
      return;
    }
    const current = stack[stack.length - 1]?.block;
    if (current === undefined) {
      outline.preamble.push(raw);
      return;
    }
    const content = raw.trim();
    const property = PROPERTY.exec(content);
    if (property !== null) current.properties.set(property[1]!.toLowerCase(), property[2]!.trim());
    else if (content !== '') current.lines.push(content);
  });
  return outline;
}

/** Blocks as a Markdown list (nested by two spaces a level), their further lines under them. */
export function outlineMarkdown(blocks: readonly OutlineBlock[], transform = (text: string) => text): string {
  const out: string[] = [];
  const todo: { block: OutlineBlock; depth: number }[] = blocks
    .map((block) => ({ block, depth: 0 }))
    .reverse();
  while (todo.length > 0) {
    const { block, depth } = todo.pop()!;
    const indent = '  '.repeat(depth);
    const [first = '', ...rest] = block.lines.map(transform);
    if (first.trim() !== '' || rest.length > 0) {
      out.push(`${indent}- ${first}`);
      for (const line of rest) out.push(`${indent}  ${line}`);
    }
    for (const child of [...block.children].reverse()) todo.push({ block: child, depth: depth + 1 });
  }
  return out.join('\n');
}

/** Every block in document order, with its depth (for readers that visit all of them). */
export function* eachBlock(blocks: readonly OutlineBlock[]): Generator<OutlineBlock> {
  const todo = [...blocks].reverse();
  while (todo.length > 0) {
    const block = todo.pop()!;
    yield block;
    for (const child of [...block.children].reverse()) todo.push(child);
  }
}
