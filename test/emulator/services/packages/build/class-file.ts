/**
 * A minimal valid JVM class file (Java 8, major 52): `public final class <name>` with one
 * `public static final String <field> = "<value>"`. Enough for a jar to hold real bytecode.
 */
export function classFileWithConstant(internalName: string, field: string, value: string): Buffer {
  const parts: Buffer[] = [];
  const u1 = (n: number) => parts.push(Buffer.from([n]));
  const u2 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); parts.push(b); };
  const u4 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); parts.push(b); };
  const utf8 = (s: string) => { const bytes = Buffer.from(s, 'utf8'); u1(1); u2(bytes.length); parts.push(bytes); };
  u4(0xcafebabe);
  u2(0); // minor
  u2(52); // major: Java 8
  u2(10); // constant pool count (entries 1..9)
  u1(7); u2(2); // #1 Class -> #2
  utf8(internalName); // #2
  u1(7); u2(4); // #3 Class -> #4
  utf8('java/lang/Object'); // #4
  utf8(field); // #5
  utf8('Ljava/lang/String;'); // #6
  utf8('ConstantValue'); // #7
  u1(8); u2(9); // #8 String -> #9
  utf8(value); // #9
  u2(0x0031); // ACC_PUBLIC | ACC_FINAL | ACC_SUPER
  u2(1); // this
  u2(3); // super
  u2(0); // interfaces
  u2(1); // fields
  u2(0x0019); u2(5); u2(6); u2(1); // public static final, name, descriptor, 1 attribute
  u2(7); u4(2); u2(8); // ConstantValue -> #8
  u2(0); // methods
  u2(0); // attributes
  return Buffer.concat(parts);
}
