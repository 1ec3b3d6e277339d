import fp from 'fastify-plugin';
import { openDatabase, type AppDatabase } from '../database/connection.ts';
import { ensureDemoCongress } from '../congress/demo-congress.ts';
import { WriteBatcher } from '../database/write-batcher.ts';
import { startWalCheckpointer } from '../database/wal-checkpointer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: AppDatabase;
    /** Group commit for hot write paths (registration); see WriteBatcher. */
    writes: WriteBatcher;
  }
}

/** Opens the database (applying migrations), makes sure the demo congress exists, and closes it with the server. */
export default fp<{ databasePath: string }>(
  async (app, { databasePath }) => {
    const db = openDatabase(databasePath);
    app.decorate('db', db);
    ensureDemoCongress(db);
    app.decorate('writes', new WriteBatcher(db));
    const checkpointer = databasePath === ':memory:' ? null : startWalCheckpointer(db.$client, databasePath);
    app.addHook('onClose', async () => {
      await checkpointer?.stop();
      db.$client.close();
    });
  },
  { name: 'database' },
);
