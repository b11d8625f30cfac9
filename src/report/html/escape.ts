/** Escaping for the three places a report puts text: HTML, inline JSON and inline scripts. */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML elements and quoted attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * JSON safe inside a `<script>` element: `<` becomes `\u003c`, so no `</script>` or `<!--` can end or
 * confuse the element, and the line separators JavaScript once rejected are escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Library code safe inside a `<script>` element, without its source-map comment (nothing to fetch). */
export function scriptForInlining(source: string): string {
  return source
    .replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '\n')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
}

/** A string usable as an HTML id: letters, digits and dashes. */
export function htmlId(...parts: Array<string | number>): string {
  return parts
    .map((part) => String(part).replace(/[^A-Za-z0-9]+/g, '-'))
    .join('-')
    .replace(/^-+|-+$/g, '');
}
