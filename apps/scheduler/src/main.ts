import 'reflect-metadata';
import { createSchedulerApp, runApp } from '@linli/composition';

void runApp('scheduler', createSchedulerApp, (config) => config.schedulerPort);
