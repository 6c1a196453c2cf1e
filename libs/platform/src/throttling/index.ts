export { ThrottleRoute, type ThrottleName } from './throttle-route.decorator';
export { ThrottlingModule } from './throttling.module';
