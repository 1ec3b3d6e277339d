/**
 * `npm run dev`: the API server restarting on every change (port API_PORT, default 3000) and Vite's dev server
 * with hot reload in front of it (port 5173), which passes /api and the live channel through to the API.
 */
import { spawn } from 'node:child_process';

const apiPort = process.env.API_PORT ?? '3000';
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/main.ts'], { stdio: 'inherit', env: { ...process.env, PORT: apiPort, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' } }),
  spawn('npx', ['vite', '--config', 'web/vite.config.ts', '--port', '5173'], { stdio: 'inherit', env: { ...process.env, API_PORT: apiPort } }),
];
const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
for (const child of children) child.on('exit', (code) => {
  stopAll();
  process.exitCode = code ?? 0;
});
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
