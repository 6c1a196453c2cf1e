import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CreateSkillDto } from './dto/create-skill.dto';
import { SkillDto, SkillListDto } from './dto/skill.dto';
import { ProfilesCode, ProfilesException } from './profiles.exception';
import { ProfilesRepository } from './profiles.repository';
import { VolunteerSkillEntity } from './volunteer-skill.entity';

/**
 * The skill taxonomy: the built-in skills and those the city adds. The built-in skills are seeded
 * as rows by the migration (so the unique keys guard a city's additions against them) but are
 * also known from code, so the taxonomy stays whole even where the rows are gone (a test's
 * truncated database).
 */
@Injectable()
export class VolunteerSkills {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<SkillListDto> {
    return { items: [...(await this.catalogue()).values()] };
  }

  /** Every skill by code: the built-in ones first (by code), then the city's. */
  async catalogue(manager?: EntityManager): Promise<Map<string, SkillDto>> {
    const skills = await this.profiles.skills(manager);
    return new Map(skills.map((skill) => [skill.code, toDto(skill)]));
  }

  /** Display names of these codes (an unknown code keeps its code as name). */
  async names(codes: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const catalogue = await this.catalogue(manager);
    return new Map(codes.map((code) => [code, catalogue.get(code)?.name ?? code]));
  }

  async create(user: AuthenticatedUser, command: CreateSkillDto): Promise<SkillDto> {
    return this.transactions.run(async (manager) => {
      const name = command.name.trim();
      if (!(await this.profiles.insertSkill(manager, { code: command.code, name, createdBy: user.userId })))
        throw new ProfilesException(ProfilesCode.SkillTaken);
      await this.audit.record(
        {
          action: 'volunteers.skill-created',
          targetType: 'volunteer-skill',
          data: { code: command.code, name: command.name },
        },
        manager,
      );
      return { code: command.code, name, builtin: false };
    });
  }

  /** Refuses codes outside the taxonomy (400 `volunteers.unknown-skill`, naming them). */
  async assertKnown(codes: readonly string[], manager?: EntityManager): Promise<void> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return;
    const catalogue = await this.catalogue(manager);
    const unknown = wanted.filter((code) => !catalogue.has(code));
    if (unknown.length > 0)
      throw new ProfilesException(ProfilesCode.UnknownSkill, {
        detail: `技能不在技能目录中：${unknown.join('、')}`,
        extensions: { unknown },
      });
  }
}

function toDto(skill: VolunteerSkillEntity): SkillDto {
  return { code: skill.code, name: skill.name, builtin: skill.builtin };
}
