import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of property governance's settings. Never renamed once released. */
export enum PropertySettingsCode {
  Unknown = 'property.setting-unknown',
  Range = 'property.setting-range',
  NotOdd = 'property.setting-not-odd',
}

const CATALOGUE: Record<PropertySettingsCode, ProblemDefinition> = {
  [PropertySettingsCode.Unknown]: { status: 404, title: 'Unknown setting', detail: '没有这项物业治理参数' },
  [PropertySettingsCode.Range]: { status: 400, title: 'Setting out of range', detail: '参数值超出允许范围' },
  [PropertySettingsCode.NotOdd]: { status: 400, title: 'Setting must be odd', detail: '业主委员会人数须为单数' },
};

export class PropertySettingsException extends ProblemException {
  constructor(code: PropertySettingsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
