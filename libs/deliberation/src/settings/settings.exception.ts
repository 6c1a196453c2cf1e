import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of deliberation's settings. Never renamed once released. */
export enum SettingsCode {
  UnknownSetting = 'deliberation.setting-unknown',
  OutOfRange = 'deliberation.setting-out-of-range',
}

const CATALOGUE: Record<SettingsCode, ProblemDefinition> = {
  [SettingsCode.UnknownSetting]: { status: 404, title: 'Unknown setting', detail: '没有这项议事参数' },
  [SettingsCode.OutOfRange]: { status: 400, title: 'Setting out of range', detail: '参数值超出允许范围' },
};

export class SettingsException extends ProblemException {
  constructor(code: SettingsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
