export * from './organization.domain';
export * from './organization.module';
export * from './organization.schema';
export * from './units/unit-kind';
export * from './party-organizations/organization-kind';
export * from './members/member-category';
export * from './institutions/institution-kind';
export * from './staff-roles/staff-role-kind';
