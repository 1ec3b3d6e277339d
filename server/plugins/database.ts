import fp from 'fastify-plugin';
import { openDatabase, type AppDatabase } from '../database/connection.ts';
import { ensureDemoCongress } from '../congress/demo-congress.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: AppDatabase;
    /** The congress this server runs. */
    congressId: number;
  }
}

/** Opens the database (applying migrations), makes sure the demo congress exists, and closes it with the server. */
export default fp<{ databasePath: string }>(
  async (app, { databasePath }) => {
    const db = openDatabase(databasePath);
    app.decorate('db', db);
    app.decorate('congressId', ensureDemoCongress(db));
    app.addHook('onClose', async () => db.$client.close());
  },
  { name: 'database' },
);
