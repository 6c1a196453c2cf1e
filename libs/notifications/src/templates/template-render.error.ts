/** A template that cannot be rendered with the given data: retrying the same job cannot help. */
export class TemplateRenderError extends Error {
  constructor(
    readonly templateKey: string,
    reason: string,
  ) {
    super(`template "${templateKey}": ${reason}`);
    this.name = 'TemplateRenderError';
  }
}
