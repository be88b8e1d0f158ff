import type { HtmlOutput, HtmlService } from '../../src/gas/apps-script';
import { gasError } from './errors';

/** Files as `clasp push` would upload them: name (without `.html`) → content. */
export type HtmlFiles = Readonly<Record<string, string>>;

export class FakeHtmlService implements HtmlService {
  constructor(
    private readonly files: HtmlFiles,
    private readonly wrap: <T extends object>(target: T, typeName: string) => T,
  ) {}

  createHtmlOutput(html: string): HtmlOutput {
    return this.wrap(new FakeHtmlOutput(this.wrap, String(html)), 'HtmlOutput');
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const content = this.files[filename];
    if (content === undefined) throw gasError(`No HTML file named ${filename} was found.`);
    return this.wrap(new FakeHtmlOutput(this.wrap, content), 'HtmlOutput');
  }
}

export class FakeHtmlOutput implements HtmlOutput {
  private title = '';

  constructor(
    private readonly wrap: <T extends object>(target: T, typeName: string) => T,
    private readonly content: string,
  ) {}

  getContent(): string {
    return this.content;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = title;
    return this.wrap(this, 'HtmlOutput');
  }
}
