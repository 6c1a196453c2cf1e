/** Limits of multipart uploads (imports), applied where the api registers multipart support. */
export const UPLOAD_LIMITS = {
  /** The largest file accepted: a 50,000-row XLSX is a few MB. */
  fileSize: 20 * 1024 * 1024,
  files: 1,
  fields: 10,
  parts: 20,
} as const;
