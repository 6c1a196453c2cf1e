import { ProblemDefinition, ProblemException, ProblemInit, problemFrom } from '@linli/platform';
import { ALLOWED_PARENTS, UNIT_KIND_DISPLAY, UnitKind } from './unit-kind';

/** Problem codes of the unit tree. Never renamed once released. */
export enum UnitsCode {
  ParentRequired = 'organization.unit-parent-required',
  ParentKind = 'organization.unit-parent-kind',
  Kind = 'organization.unit-kind',
  CodeTaken = 'organization.unit-code-taken',
  MoveIntoOwnSubtree = 'organization.unit-move-into-own-subtree',
  ParentForbidden = 'organization.unit-parent-forbidden',
  NotEmpty = 'organization.unit-not-empty',
}

const CATALOGUE: Record<UnitsCode, ProblemDefinition> = {
  [UnitsCode.ParentRequired]: {
    status: 400,
    title: 'Parent unit required',
    detail: '除市级单位外，新建单位必须指定上级单位（parentId）',
  },
  [UnitsCode.ParentKind]: { status: 400, title: 'Parent unit of a wrong kind', detail: '上级单位的类型不符合要求' },
  [UnitsCode.Kind]: { status: 400, title: 'Unit of a wrong kind', detail: '该单位的类型不符合要求' },
  [UnitsCode.CodeTaken]: { status: 409, title: 'Unit code taken', detail: '该单位编码已被其他单位使用' },
  [UnitsCode.MoveIntoOwnSubtree]: {
    status: 409,
    title: 'Cannot move a unit under itself',
    detail: '不能把单位移动到它自己或它的下级单位之下',
  },
  [UnitsCode.ParentForbidden]: {
    status: 403,
    title: 'Parent unit outside your scope',
    detail: '新建、移动或删除单位需要对其上级单位有管理权限（市级单位需全域管理员）',
  },
  [UnitsCode.NotEmpty]: { status: 409, title: 'Unit not empty', detail: '该单位仍有下属内容，不能删除' },
};

/** `小区或网格`, `楼栋、小区、网格或社区`. */
function kindList(kinds: readonly UnitKind[]): string {
  const names = kinds.map((kind) => UNIT_KIND_DISPLAY[kind]);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join('、')}或${names[names.length - 1]}`;
}

export class UnitsException extends ProblemException {
  constructor(code: UnitsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }

  /** A unit of `kind` cannot sit under `parentKind` (null: under nothing); names the allowed parents in Chinese. */
  static parentKind(kind: UnitKind, parentKind: UnitKind | null, field = 'parentId'): UnitsException {
    const allowed = ALLOWED_PARENTS[kind];
    const detail =
      allowed.length === 0
        ? `${UNIT_KIND_DISPLAY[kind]}是根单位，不能有上级单位`
        : `${UNIT_KIND_DISPLAY[kind]}的上级单位只能是${kindList(allowed)}${parentKind ? `，所选上级单位是${UNIT_KIND_DISPLAY[parentKind]}` : ''}`;
    return new UnitsException(UnitsCode.ParentKind, {
      detail,
      errors: [
        {
          field,
          constraint: 'unitParentKind',
          message: `a ${kind} may only sit under ${allowed.join(' or ') || 'nothing'}`,
        },
      ],
      extensions: { kind, parentKind, allowedParentKinds: allowed },
    });
  }

  static parentRequired(kind: UnitKind): UnitsException {
    return new UnitsException(UnitsCode.ParentRequired, {
      detail: `新建${UNIT_KIND_DISPLAY[kind]}必须指定上级单位（${kindList(ALLOWED_PARENTS[kind])}）`,
      errors: [{ field: 'parentId', constraint: 'isDefined', message: 'parentId is required for every kind but city' }],
    });
  }

  /** The unit given in `field` is a `kind`, but one of `expected` is needed. */
  static kind(kind: UnitKind, expected: readonly UnitKind[], field?: string): UnitsException {
    return new UnitsException(UnitsCode.Kind, {
      detail: `此处需要${kindList(expected)}，所选单位是${UNIT_KIND_DISPLAY[kind]}`,
      ...(field
        ? {
            errors: [
              { field, constraint: 'unitKind', message: `${field} must be a unit of kind ${expected.join(' or ')}` },
            ],
          }
        : {}),
      extensions: { kind, expectedKinds: expected },
    });
  }
}
