import 'reflect-metadata';
import { createNotifierApp, runApp } from '@linli/composition';

void runApp('notifier', createNotifierApp, (config) => config.notifierPort);
