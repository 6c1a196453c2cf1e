import 'reflect-metadata';
import { createApiApp, runApp } from '@linli/composition';

void runApp('api', createApiApp, (config) => config.port);
