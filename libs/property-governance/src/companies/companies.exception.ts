import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of property companies and their service contracts. Never renamed once released. */
export enum CompaniesCode {
  /** The unified social credit code fails its GB 32100-2015 check character (or its form). */
  CreditCodeInvalid = 'property.credit-code-invalid',
  /** A company with this credit code is registered already. */
  CompanyExists = 'property.company-exists',
  /** The hiring decision is not a closed, passed `company_hiring` decision of this complex. */
  ContractDecisionInvalid = 'property.contract-decision-invalid',
  /** A contract's end is not after its start. */
  ContractDates = 'property.contract-dates',
  /** The complex's current contract started on or after the new one's start: it cannot be ended the day before. */
  ContractOverlap = 'property.contract-overlap',
  /** Ending a contract that has ended already. */
  ContractEnded = 'property.contract-ended',
}

const CATALOGUE: Record<CompaniesCode, ProblemDefinition> = {
  [CompaniesCode.CreditCodeInvalid]: {
    status: 400,
    title: 'Credit code invalid',
    detail: '统一社会信用代码格式或校验位不正确（GB 32100-2015）',
  },
  [CompaniesCode.CompanyExists]: { status: 409, title: 'Company exists', detail: '该统一社会信用代码的企业已登记' },
  [CompaniesCode.ContractDecisionInvalid]: {
    status: 409,
    title: 'Hiring decision invalid',
    detail: '选聘决定须为本小区已结束且通过的“选聘和解聘物业服务企业”共同决定',
  },
  [CompaniesCode.ContractDates]: { status: 400, title: 'Contract dates', detail: '合同终止日期须晚于开始日期' },
  [CompaniesCode.ContractOverlap]: {
    status: 409,
    title: 'Contract overlap',
    detail: '本小区现有物业服务合同开始日期不早于新合同，无法衔接',
  },
  [CompaniesCode.ContractEnded]: { status: 409, title: 'Contract ended', detail: '该物业服务合同已终止' },
};

export class CompaniesException extends ProblemException {
  constructor(code: CompaniesCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
