// Finds user-visible text written straight into components instead of going through the message catalogues:
// JSX text with letters, string literals given to text-bearing props (title, aria-label, placeholder, label, …),
// and string literals rendered as JSX children (`{ok ? 'Active' : 'Disabled'}`). Parses with the TypeScript
// compiler, so code, class names and test ids are never mistaken for text.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** Props whose string values reach the screen or a screen reader. */
export const TEXT_PROPS = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
  'hint',
  'question',
  'confirmLabel',
  'description',
  'moreLabel',
  'empty',
])

/** Object keys whose string values are shown, in data that components render (table columns, menus). */
export const OBJECT_TEXT_KEYS = new Set(['header', 'label', 'title', 'question', 'description'])

const LETTER = /\p{L}/u

export type BareString = { line: number; text: string }

export function findBareStrings(file: string, source = readFileSync(file, 'utf8')): BareString[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: BareString[] = []
  const report = (node: ts.Node, text: string) =>
    found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim().slice(0, 60) })

  /** A literal that ends up rendered: directly, or as a branch of ?: / && / ?? inside a JSX expression. */
  const renderedLiterals = (expr: ts.Expression | undefined): ts.Node[] => {
    if (!expr) return []
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr]
    if (ts.isTemplateExpression(expr)) return [expr]
    if (ts.isParenthesizedExpression(expr)) return renderedLiterals(expr.expression)
    if (ts.isConditionalExpression(expr))
      return [...renderedLiterals(expr.whenTrue), ...renderedLiterals(expr.whenFalse)]
    if (
      ts.isBinaryExpression(expr) &&
      [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(
        expr.operatorToken.kind,
      )
    )
      return [...renderedLiterals(expr.left), ...renderedLiterals(expr.right)]
    return []
  }
  const literalText = (node: ts.Node) =>
    ts.isTemplateExpression(node)
      ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ')
      : (node as ts.StringLiteral).text

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text)
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of renderedLiterals(node.expression))
        if (LETTER.test(literalText(literal))) report(literal, literalText(literal))
    }
    if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(sf))) {
      const init = node.initializer
      const literals = !init
        ? []
        : ts.isStringLiteral(init)
          ? [init]
          : ts.isJsxExpression(init)
            ? renderedLiterals(init.expression)
            : []
      for (const literal of literals) if (LETTER.test(literalText(literal))) report(literal, literalText(literal))
    }
    // Column headers and menu entries written as data: `{ key: 'email', header: 'Email' }`.
    if (ts.isPropertyAssignment(node) && OBJECT_TEXT_KEYS.has(node.name.getText(sf))) {
      for (const literal of renderedLiterals(node.initializer))
        if (LETTER.test(literalText(literal))) report(literal, literalText(literal))
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

/** Every component and page (.tsx) under the given roots, tests excluded, as repo-relative paths. */
export function componentFiles(roots = ['components', 'app']): string[] {
  return roots
    .flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' }).map(
        (file) => `${root}/${file.split(path.sep).join('/')}`,
      ),
    )
    .filter((file) => file.endsWith('.tsx') && !file.includes('.test.'))
    .sort()
}
