/**
 * A small, strict XML reader for the fixed SOAP shapes CRMs send (Salesforce Outbound Messages).
 * It refuses DOCTYPE — so no entity definitions, no expansion bombs, no external entities — and
 * knows only the five predefined entities and numeric character references. Not a general parser:
 * no validation against a schema, namespaces kept as written (look elements up by local name).
 */

export interface XmlElement {
  /** Qualified name as written (`sf:Amount`). */
  name: string;
  /** Name without its prefix (`Amount`). */
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
}

export class XmlError extends Error {
  override readonly name = "XmlError";
}

const MAX_DEPTH = 64;
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string, at: number): string {
  return text.replace(/&([^;&\s]{0,10});?/g, (match, ref: string) => {
    if (!match.endsWith(";")) throw new XmlError(`unterminated entity reference near offset ${at}`);
    const known = PREDEFINED[ref];
    if (known !== undefined) return known;
    const num = /^#(?:x([0-9a-f]{1,6})|(\d{1,7}))$/i.exec(ref);
    if (num) {
      const cp = num[1] !== undefined ? Number.parseInt(num[1], 16) : Number(num[2]);
      if (cp > 0x10ffff || cp === 0 || (cp >= 0xd800 && cp <= 0xdfff)) {
        throw new XmlError(`invalid character reference &${ref}; near offset ${at}`);
      }
      return String.fromCodePoint(cp);
    }
    throw new XmlError(`unknown entity &${ref}; near offset ${at} (only the predefined ones are allowed)`);
  });
}

/**
 * Parse a document into its root element; throws XmlError on anything malformed or on a DOCTYPE.
 *
 * @example
 * parseXml('<a x="1"><b>t&amp;t</b></a>').children[0]?.text; // "t&t"
 */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const n = source.length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  const skipMisc = (): boolean => {
    if (source.startsWith("<?", i)) {
      const end = source.indexOf("?>", i + 2);
      if (end < 0) throw new XmlError("unterminated processing instruction");
      i = end + 2;
      return true;
    }
    if (source.startsWith("<!--", i)) {
      const end = source.indexOf("-->", i + 4);
      if (end < 0) throw new XmlError("unterminated comment");
      i = end + 3;
      return true;
    }
    if (source.startsWith("<!DOCTYPE", i) || source.startsWith("<!ENTITY", i)) {
      throw new XmlError("DOCTYPE and entity declarations are not allowed");
    }
    return false;
  };

  if (source.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const lt = source.indexOf("<", i);
    const top = stack[stack.length - 1];
    if (lt !== i) {
      const raw = source.slice(i, lt < 0 ? n : lt);
      if (top) top.text += decodeEntities(raw, i);
      else if (raw.trim() !== "") throw new XmlError(`text outside the root element at offset ${i}`);
      if (lt < 0) break;
      i = lt;
      continue;
    }
    if (skipMisc()) continue;
    if (source.startsWith("<![CDATA[", i)) {
      if (!top) throw new XmlError("CDATA outside the root element");
      const end = source.indexOf("]]>", i + 9);
      if (end < 0) throw new XmlError("unterminated CDATA section");
      top.text += source.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (source.startsWith("</", i)) {
      const m = NAME.exec(source.slice(i + 2, i + 2 + 256));
      if (!m || !top || m[0] !== top.name) {
        throw new XmlError(`unexpected closing tag at offset ${i}${top ? ` (open: <${top.name}>)` : ""}`);
      }
      let j = i + 2 + m[0].length;
      while (j < n && /\s/.test(source[j]!)) j++;
      if (source[j] !== ">") throw new XmlError(`malformed closing tag at offset ${i}`);
      i = j + 1;
      stack.pop();
      continue;
    }
    // Start tag.
    if (root && stack.length === 0) throw new XmlError(`a second root element at offset ${i}`);
    const m = NAME.exec(source.slice(i + 1, i + 1 + 256));
    if (!m) throw new XmlError(`malformed tag at offset ${i}`);
    const name = m[0];
    const el: XmlElement = {
      name,
      local: name.includes(":") ? name.slice(name.indexOf(":") + 1) : name,
      attributes: {},
      children: [],
      text: "",
    };
    let j = i + 1 + name.length;
    let selfClosing = false;
    for (;;) {
      const ws = j;
      while (j < n && /\s/.test(source[j]!)) j++;
      if (source.startsWith("/>", j)) {
        selfClosing = true;
        j += 2;
        break;
      }
      if (source[j] === ">") {
        j += 1;
        break;
      }
      if (j === ws) throw new XmlError(`malformed attributes in <${name}> at offset ${j}`);
      const am = NAME.exec(source.slice(j, j + 256));
      if (!am) throw new XmlError(`malformed attribute in <${name}> at offset ${j}`);
      j += am[0].length;
      while (j < n && /\s/.test(source[j]!)) j++;
      if (source[j] !== "=") throw new XmlError(`attribute ${am[0]} without a value at offset ${j}`);
      j++;
      while (j < n && /\s/.test(source[j]!)) j++;
      const quote = source[j];
      if (quote !== '"' && quote !== "'") throw new XmlError(`unquoted attribute ${am[0]} at offset ${j}`);
      const end = source.indexOf(quote, j + 1);
      if (end < 0) throw new XmlError(`unterminated attribute ${am[0]}`);
      const value = source.slice(j + 1, end);
      if (value.includes("<")) throw new XmlError(`'<' in attribute ${am[0]}`);
      if (am[0] in el.attributes) throw new XmlError(`duplicate attribute ${am[0]} in <${name}>`);
      el.attributes[am[0]] = decodeEntities(value, j);
      j = end + 1;
    }
    if (top) top.children.push(el);
    else root = el;
    if (!selfClosing) {
      if (stack.length >= MAX_DEPTH) throw new XmlError(`elements nested deeper than ${MAX_DEPTH}`);
      stack.push(el);
    }
    i = j;
  }
  if (stack.length > 0) throw new XmlError(`unclosed element <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new XmlError("no root element");
  return root;
}

/**
 * The first child with this local name (namespace prefix ignored).
 *
 * @example
 * child(parseXml("<a><s:b>1</s:b></a>"), "b")?.text; // "1"
 */
export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

/** Every child with this local name. */
export function children(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/**
 * Follow a path of local names from `el`.
 *
 * @example
 * path(envelope, "Body", "notifications"); // the notifications element, or undefined
 */
export function path(el: XmlElement, ...locals: string[]): XmlElement | undefined {
  let at: XmlElement | undefined = el;
  for (const l of locals) at = at ? child(at, l) : undefined;
  return at;
}
