import { CommonCode, FieldProblem, ProblemException, UPLOAD_LIMITS, ValidationProblem } from '@linli/platform';
import type { Multipart } from '@fastify/multipart';
import { FastifyRequest } from 'fastify';
import { IMPORT_KINDS, isImportKind } from '../import-kind';
import { RunImportCommand } from '../usecases/run-import.command';

const TOO_LARGE_CODES = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

function tooLarge(): ProblemException {
  return new ProblemException({
    code: CommonCode.PayloadTooLarge,
    status: 413,
    title: 'Request body too large',
    detail: `导入文件不能超过 ${UPLOAD_LIMITS.fileSize / 1024 / 1024} MB，且一次只能上传一个文件`,
  });
}

function malformed(): ProblemException {
  return new ProblemException({
    code: CommonCode.MalformedBody,
    status: 400,
    title: 'Malformed request body',
    detail: '请求体不是合法的 multipart/form-data',
  });
}

/**
 * Reads `POST /imports`: a multipart form with a `kind` field and one `file` part. Missing or
 * unknown parts are refused like any other invalid input (400 `validation.failed` naming them).
 */
export async function readImportUpload(request: FastifyRequest): Promise<RunImportCommand> {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart()) {
    throw new ProblemException({
      code: CommonCode.UnsupportedMediaType,
      status: 415,
      title: 'Unsupported media type',
      detail: '请以 multipart/form-data 上传导入文件（字段 kind 和 file）',
    });
  }
  let kind: string | undefined;
  let file: { fileName: string; content: Buffer } | undefined;
  const problems: FieldProblem[] = [];
  try {
    for await (const part of request.parts() as AsyncIterable<Multipart>) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname !== 'file')
          problems.push({ field: part.fieldname, constraint: 'unknown', message: `unknown field "${part.fieldname}"` });
        // A browser sends an empty, nameless part when no file was chosen.
        else if (part.filename || content.length > 0) file = { fileName: part.filename || 'upload', content };
      } else if (part.fieldname === 'kind') {
        kind = String(part.value).trim();
      } else {
        problems.push({ field: part.fieldname, constraint: 'unknown', message: `unknown field "${part.fieldname}"` });
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && TOO_LARGE_CODES.has(code)) throw tooLarge();
    throw malformed();
  }
  if (kind === undefined || !isImportKind(kind)) {
    problems.push({
      field: 'kind',
      constraint: 'isIn',
      message: `kind must be one of the following values: ${IMPORT_KINDS.join(', ')}`,
    });
  }
  if (!file)
    problems.push({ field: 'file', constraint: 'isDefined', message: 'file is required (a CSV or XLSX file)' });
  if (problems.length > 0 || !file || kind === undefined || !isImportKind(kind)) throw new ValidationProblem(problems);
  return { kind, fileName: [...file.fileName].slice(0, 255).join(''), content: file.content };
}
