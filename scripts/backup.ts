/**
 * `npm run backup -- FILE`: a consistent copy of the running database (DATABASE_PATH) in FILE, without stopping the
 * server. `npm run restore -- FILE` puts one back into an empty DATABASE_PATH (the server stopped).
 */
import { readConfig } from '../server/config.ts';
import { backupDatabase, BackupRefusal, restoreDatabase } from '../server/database/backup.ts';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'backup' && mode !== 'restore') || !file) {
  console.error('usage: npm run backup -- FILE   or   npm run restore -- FILE');
  process.exit(2);
}
const { databasePath } = readConfig();
try {
  const pages = mode === 'backup' ? await backupDatabase(databasePath, file) : await restoreDatabase(file, databasePath);
  console.log(mode === 'backup' ? `Backed up ${databasePath} to ${file} (${pages} pages).` : `Restored ${file} into ${databasePath} (${pages} pages).`);
} catch (error) {
  if (!(error instanceof BackupRefusal)) throw error;
  console.error(error.message);
  process.exit(1);
}
