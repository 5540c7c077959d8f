export * from './deepLink.ts';
