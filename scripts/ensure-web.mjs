// Builds the web app when it has not been built yet (or with --force), so `npm start` serves it.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const force = process.argv.includes('--force');
if (!fs.existsSync('web/index.html')) process.exit(0);
if (force || !fs.existsSync('web/dist/index.html')) {
  console.log('正在构建网页端（首次启动需约半分钟）…');
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', { stdio: 'inherit' });
}
