/** Card bodies are Markdown: rendered with raw HTML off, images off, and links only to http(s) and mailto. */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
markdown.disable(['image']);
markdown.validateLink = (url) => /^(?:https?:|mailto:)/i.test(url.trim());

// A card's body sits under the card's <h3>: its headings start at <h4>.
markdown.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  const level = Number(token.tag.slice(1));
  token.tag = `h${Math.min(6, Math.max(4, level + 1))}`;
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  token.tag = `h${Math.min(6, Math.max(4, Number(token.tag.slice(1)) + 1))}`;
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  tokens[index]!.attrSet('rel', 'nofollow ugc noopener noreferrer');
  return self.renderToken(tokens, index, options);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
