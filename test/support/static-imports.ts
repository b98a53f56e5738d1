// What a browser loads with a module before anything is used: the modules it imports for their
// values, followed through the app's own files, and the packages they reach. Imports of types
// alone and `import()` (loaded on use) are left out, as the client build leaves them out.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ALIASES: Array<[prefix: string, folder: string]> = [
  ['~/', 'app/'],
  ['#db/', 'db/'],
];
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The app's files (relative to the repository) and the packages `entry` loads with it. */
export function staticImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of valueImports(file)) {
      const local = resolveLocal(specifier, file);
      // A .server module never reaches the browser (Remix refuses to build one that would).
      if (local) {
        if (!/\.server\.tsx?$/.test(local)) visit(local);
      } else if (!isAlias(specifier) && !specifier.startsWith('.'))
        packages.add(packageOf(specifier));
    }
  };
  visit(entry);
  return { files, packages };
}

function valueImports(file: string): string[] {
  if (!/\.tsx?$/.test(file)) return [];
  const source = ts.createSourceFile(
    file,
    readFileSync(path.join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const found: string[] = [];
  for (const statement of source.statements) {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : null;
    if (specifier && !typesOnly(statement)) found.push(specifier);
  }
  return found;
}

/** Whether the build drops the statement: it brings types alone. */
function typesOnly(statement: ts.Statement): boolean {
  if (ts.isExportDeclaration(statement)) {
    if (statement.isTypeOnly) return true;
    const clause = statement.exportClause;
    return !!clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly);
  }
  if (!ts.isImportDeclaration(statement)) return false;
  const clause = statement.importClause;
  if (!clause) return false; // imported for its side effects
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    !clause.name &&
    !!named &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
}

function isAlias(specifier: string) {
  return ALIASES.some(([prefix]) => specifier.startsWith(prefix));
}

function resolveLocal(specifier: string, from: string): string | null {
  const alias = ALIASES.find(([prefix]) => specifier.startsWith(prefix));
  const bare = specifier.replace(/\?.*$/, '');
  const base = alias
    ? alias[1] + bare.slice(alias[0].length)
    : specifier.startsWith('.')
      ? path.join(path.dirname(from), bare)
      : null;
  if (base === null) return null;
  const file = EXTENSIONS.map((ext) => base + ext).find((candidate) => {
    const full = path.join(ROOT, candidate);
    return existsSync(full) && statSync(full).isFile();
  });
  if (!file) throw new Error(`${from} imports ${specifier}, which is not a file here`);
  return file;
}

function packageOf(specifier: string) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
