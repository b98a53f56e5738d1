// What a browser loads with a module before anything is used: the modules it imports for their
// values, followed through the app's own files, and the packages they reach. Imports of types
// alone, `import()` (loaded on use) and `.server` modules (never in the browser) are left out, as
// the client build leaves them out. A module in one of vite.config.ts's chunk groups brings the
// whole group, as the build's file for that group does.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '/index.ts', '/index.tsx'];
const SOURCE = /\.(tsx?|jsx?|mjs)$/;

/** tsconfig's paths ("~/*" → "./app/*") as [prefix, folder] pairs. */
function aliases(): Array<[prefix: string, folder: string]> {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.entries(config.compilerOptions.paths).map(([from, [to]]) => [
    from.replace(/\*$/, ''),
    to!.replace(/^\.\//, '').replace(/\*$/, ''),
  ]);
}

/** Every source file under app/, relative to the repository. */
function appFiles(folder = 'app'): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const file = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return appFiles(file);
    return SOURCE.test(entry.name) ? [file] : [];
  });
}

/** The app's files (relative to the repository) and the packages `entry` loads with it. */
export function staticImports(
  entry: string,
  { chunkGroups = [] }: { chunkGroups?: RegExp[] } = {},
): { files: Set<string>; packages: Set<string> } {
  const paths = aliases();
  const everyFile = appFiles();
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file) || /\.server\.[jt]sx?$/.test(file)) return;
    files.add(file);
    const group = chunkGroups.find((modules) => modules.test(path.join(ROOT, file)));
    if (group) everyFile.filter((f) => group.test(path.join(ROOT, f))).forEach(visit);
    for (const specifier of valueImports(file)) {
      const local = resolveLocal(specifier, file, paths);
      if (local) visit(local);
      else packages.add(packageOf(specifier));
    }
  };
  visit(entry);
  return { files, packages };
}

function valueImports(file: string): string[] {
  if (!SOURCE.test(file)) return [];
  const source = ts.createSourceFile(
    file,
    readFileSync(path.join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('x') ? ts.ScriptKind.TSX : undefined,
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

/** The repository file `specifier` names, or null for a package. */
function resolveLocal(
  specifier: string,
  from: string,
  paths: Array<[prefix: string, folder: string]>,
): string | null {
  const bare = specifier.replace(/\?.*$/, '');
  const alias = paths.find(([prefix]) => bare.startsWith(prefix));
  const base = alias
    ? alias[1] + bare.slice(alias[0].length)
    : bare.startsWith('.')
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
