// The part of web-ext's programmatic API that scripts/lint-extension.ts uses (web-ext ships no types).
declare module 'web-ext' {
  export interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LintResult {
    count: number;
    summary: { errors: number; notices: number; warnings: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  export interface LintOptions {
    sourceDir: string;
    output: 'json' | 'text' | 'none';
    boring?: boolean;
    metadata?: boolean;
    pretty?: boolean;
    privileged?: boolean;
    selfHosted?: boolean;
    warningsAsErrors?: boolean;
  }
  const webExt: {
    cmd: { lint(options: LintOptions, context: { shouldExitProgram: boolean }): Promise<LintResult> };
  };
  export default webExt;
}
