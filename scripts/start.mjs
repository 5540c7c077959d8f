// `npm start`: builds the app and serves it on 127.0.0.1, printing the URL of each mode.
import { spawnSync } from 'node:child_process';
import { startStaticServer } from './lib/static-server.mjs';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const port = Number(process.env.PORT ?? 4173);
const { url } = await startStaticServer('dist', port);
console.log('\nLift Visualizer is running:');
console.log(`  patient website (web):  ${url}?mode=web`);
console.log(`  consult room (consult): ${url}?mode=consult`);
console.log(`  lobby kiosk (kiosk):    ${url}?mode=kiosk`);
console.log('Press Ctrl+C to stop.');
