// Reads the server's own vocabulary out of its source: the string literals (and template patterns) given to a
// property or a call, so a test can check that every audit action or error code the code can produce is listed
// and named in the message catalogues. Parses with the TypeScript compiler, so comments and look-alike text in
// other places are never mistaken for a value.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** Source files (.ts) under the roots, tests and generated code excluded, as repo-relative paths. */
export function serverSourceFiles(roots = ['lib', 'app']): string[] {
  return roots
    .flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' }).map(
        (file) => `${root}/${file.split(path.sep).join('/')}`,
      ),
    )
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.|\/generated\/|\/fixtures\//.test(file))
    .sort()
}

/** A value found in source: a literal's text, or a template's pattern (`credential.${kind}_removed`). */
export type SourceValue = { file: string; line: number; text: string; pattern?: RegExp }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The string values an expression can take: every literal or template inside it (both branches of ?:, …). */
function valuesIn(expr: ts.Node, sf: ts.SourceFile, file: string, into: SourceValue[]) {
  const line = sf.getLineAndCharacterOfPosition(expr.getStart(sf)).line + 1
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
    into.push({ file, line, text: expr.text })
    return
  }
  if (ts.isTemplateExpression(expr)) {
    const parts = [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)]
    into.push({ file, line, text: parts.join('*'), pattern: new RegExp(`^${parts.map(escape).join('[a-z_]+')}$`) })
    return
  }
  // A condition's operands are not values: `a === 'x' ? 'one' : 'two'` yields 'one' and 'two'.
  if (ts.isConditionalExpression(expr)) {
    valuesIn(expr.whenTrue, sf, file, into)
    valuesIn(expr.whenFalse, sf, file, into)
    return
  }
  if (ts.isParenthesizedExpression(expr)) valuesIn(expr.expression, sf, file, into)
}

export type ValueSite =
  /** `{ <name>: 'value' }` */
  | { property: string }
  /** `<callee>('value', …)` or `new <callee>(…, 'value')`: the argument at `argument`. */
  | { callee: string; argument: number }

/** Every string value given at these sites in the files. */
export function valuesAt(files: string[], sites: ValueSite[]): SourceValue[] {
  const found: SourceValue[] = []
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      for (const site of sites) {
        if ('property' in site && ts.isPropertyAssignment(node) && node.name.getText(sf) === site.property)
          valuesIn(node.initializer, sf, file, found)
        if (
          'callee' in site &&
          (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
          node.expression.getText(sf) === site.callee
        ) {
          const argument = node.arguments?.[site.argument]
          if (argument) valuesIn(argument, sf, file, found)
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  return found
}
