import { getMetadataStorage, IsInt, IsString, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name: unknown;
}

class Child extends Base {
  @IsInt()
  count: unknown;
}

class LateRules {
  code: unknown;
}

const failing = (object: object) =>
  validateSync(object, { forbidUnknownValues: false })
    .map((error) => error.property)
    .sort();

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('keeps own and inherited rules', () => {
    const child = Object.assign(new Child(), { name: 1, count: 'x' });
    expect(failing(child)).toEqual(['count', 'name']);
    expect(failing(child)).toEqual(['count', 'name']);
    expect(failing(Object.assign(new Child(), { name: 'a', count: 2 }))).toEqual([]);
    expect(failing(Object.assign(new Base(), { name: 1 }))).toEqual(['name']);
  });

  it('answers a class and its options from the cache after the first lookup', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false, ['admin'])).not.toBe(first);
  });

  it('sees a rule added after a lookup', () => {
    const late = Object.assign(new LateRules(), { code: 7 });
    expect(failing(late)).toEqual([]);
    IsString()(LateRules.prototype, 'code');
    expect(failing(late)).toEqual(['code']);
  });

  it('wraps the storage once', () => {
    const storage = getMetadataStorage();
    const wrapped = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(wrapped);
  });
});
