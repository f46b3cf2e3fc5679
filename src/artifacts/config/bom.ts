// A byte order mark is not part of the document: an editor sees the text after it, and whatever it
// returns gets the mark back in front. Without this, a YAML editor took U+FEFF for indentation and
// the JSON parser rejected the file as invalid.
import type { FormatEditor } from './edit';

const BOM = '\uFEFF';

function split(text: string): [string, string] {
  return text.startsWith(BOM) ? [BOM, text.slice(1)] : ['', text];
}

export function outsideBom(editor: FormatEditor): FormatEditor {
  return {
    read: (text, address) => editor.read(split(text)[1], address),
    write: (text, address, value) => {
      const [bom, body] = split(text);
      const result = editor.write(body, address, value);
      return { ...result, text: bom + result.text };
    },
    restore: (text, address, raw) => {
      const [bom, body] = split(text);
      return bom + editor.restore(body, address, raw);
    },
    remove: (text, address, shape) => {
      const [bom, body] = split(text);
      return bom + editor.remove(body, address, shape);
    },
    removeIfEmpty: (text, container) => {
      const [bom, body] = split(text);
      const result = editor.removeIfEmpty(body, container);
      return typeof result === 'string' ? result : { text: bom + result.text };
    },
  };
}
