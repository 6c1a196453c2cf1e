import { defineNotificationTemplates, findNotificationTemplate } from '@linli/platform';
import { renderTemplate } from './render-template';
import { TemplateRenderError } from './template-render.error';
import './kernel-templates';

describe('renderTemplate', () => {
  const earned = { title: '积分到账', body: '您获得了 {{points}} 积分：{{reason}}' };

  it('fills every placeholder from the data', () => {
    expect(renderTemplate('points.earned', earned, { points: 5, reason: '参加志愿服务' })).toEqual({
      title: '积分到账',
      body: '您获得了 5 积分：参加志愿服务',
    });
  });

  it('accepts spaces inside braces, nested paths and booleans', () => {
    const template = { title: '{{ unit.name }}', body: '已确认：{{confirmed}}' };
    expect(renderTemplate('x.y', template, { unit: { name: '幸福社区' }, confirmed: true })).toEqual({
      title: '幸福社区',
      body: '已确认：true',
    });
  });

  it('fails naming the template and every missing variable instead of leaving "{{x}}" in the text', () => {
    const render = () => renderTemplate('points.earned', earned, { points: 5 });
    expect(render).toThrow(TemplateRenderError);
    expect(render).toThrow('template "points.earned": missing variable "reason"');
    expect(() => renderTemplate('points.earned', earned, {})).toThrow('missing variables "points", "reason"');
  });

  it('treats null and object values as missing', () => {
    expect(() => renderTemplate('points.earned', earned, { points: null, reason: { text: 'x' } })).toThrow(
      'missing variables "points", "reason"',
    );
  });

  it('does not read inherited properties as variables', () => {
    expect(() => renderTemplate('a.b', { title: 't', body: '{{constructor}}' }, {})).toThrow(
      'missing variable "constructor"',
    );
  });

  it('leaves text without placeholders untouched', () => {
    expect(renderTemplate('a.b', { title: '通知', body: '{单括号} 不是变量' }, {})).toEqual({
      title: '通知',
      body: '{单括号} 不是变量',
    });
  });
});

describe('notification template registry', () => {
  it('holds the kernel templates', () => {
    expect(findNotificationTemplate('system.test')?.title).toBe('测试通知');
    expect(findNotificationTemplate('account.created')?.body).toContain('{{username}}');
  });

  it('accepts the same definition twice but refuses a conflicting one', () => {
    defineNotificationTemplates({ 'spec.same': { title: '一', body: '二' } });
    expect(() => defineNotificationTemplates({ 'spec.same': { title: '一', body: '二' } })).not.toThrow();
    expect(() => defineNotificationTemplates({ 'spec.same': { title: '一', body: '三' } })).toThrow('already defined');
  });

  it('refuses keys that are not dotted lower-case', () => {
    expect(() => defineNotificationTemplates({ PointsEarned: { title: 'a', body: 'b' } })).toThrow('dotted lower-case');
  });
});
