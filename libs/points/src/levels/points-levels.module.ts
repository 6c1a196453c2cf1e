import { Module } from '@nestjs/common';
import { PointsLevels } from './points-levels.service';

/** Volunteer levels; the table is `DEFAULT_VOLUNTEER_LEVELS` unless a global module provides `POINTS_LEVEL_TABLE`. */
@Module({ providers: [PointsLevels], exports: [PointsLevels] })
export class PointsLevelsModule {}
