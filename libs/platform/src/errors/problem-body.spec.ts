import { problemBody } from './problem-json.filter';
import { ProblemException } from './problem.exception';

describe('problemBody', () => {
  it('keeps the standard members whatever the extensions are named, and adds the others', () => {
    const problem = new ProblemException({
      code: 'cases.status',
      status: 409,
      title: 'Not in this status',
      detail: '案件当前状态不能办理此操作',
      extensions: { status: 'closed', code: 'x', type: 'y', currentStatus: 'closed' },
    });
    expect(problemBody(problem, undefined)).toMatchObject({
      type: 'urn:linli:problem:cases.status',
      status: 409,
      code: 'cases.status',
      currentStatus: 'closed',
    });
  });
});
