/** Validates JUnit XML against test/schemas/junit.xsd with libxml2 (compiled to WebAssembly, so nothing to install). */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const schema = readFileSync(new URL('../schemas/junit.xsd', import.meta.url), 'utf8');

/** The schema violations of `xml`; an empty list when it is valid. */
export async function junitProblems(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: schema }], maxMemoryPages: 4096 });
  return result.errors.map((e) => e.rawMessage);
}
