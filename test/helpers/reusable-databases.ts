import { createHash } from 'node:crypto';
import type { Database } from '../../src/db/database.ts';
import { quoteIdentifier as quote } from '../../src/db/planner-statistics.ts';

/**
 * Migrated test databases that a test worker hands out again after a test closes them, reset to the
 * state they were opened in: opening a new one costs 0.4 s on PGlite (1.2 s on a busy CI machine) and
 * 0.5 s plus a 0.3 s DROP on the server, resetting one 0.1–0.2 s.
 *
 * Reset restores what tests change through Earshot: rows (tables whose rows differ are truncated and
 * get their migrated rows back), sequences and planner statistics. A database whose schema, functions
 * or session settings differ from when it was opened, or that fails to reset, is closed instead.
 */
export class ReusableDatabases {
  private readonly idle: Pristine[] = [];

  constructor(
    private readonly open: () => Promise<Database>,
    private readonly keepIdle: number,
  ) {}

  async lease(): Promise<Database> {
    const pristine = this.idle.pop() ?? (await Pristine.capture(await this.open()));
    return leaseOf(pristine.db, async () => {
      if (this.idle.length < this.keepIdle && (await pristine.reset())) this.idle.push(pristine);
      else await pristine.db.close();
    });
  }
}

/**
 * A database as the test sees it: after `close`, every use fails as it would on a closed database,
 * so work a test left running cannot reach the next test's data.
 */
function leaseOf(db: Database, release: () => Promise<void>): Database {
  let closed: Promise<void> | undefined;
  const open = () => {
    if (closed) throw new Error('the test database was closed');
  };
  const prisma = new Proxy(db.prisma, {
    get(target, property) {
      open();
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    ...db,
    prisma,
    query: async (sql, params) => {
      open();
      return db.query(sql, params);
    },
    transaction: async (work) => {
      open();
      return db.transaction(work);
    },
    close: () => {
      closed ??= release();
      return closed;
    },
  };
}

interface TableState {
  name: string;
  /** Row count, or a digest of the rows for a table the migrations filled. */
  rows: string;
  reltuples: number;
  statistics: number;
}

interface SequenceState {
  name: string;
  /** null: nextval was never called. */
  last_value: string | null;
  start_value: string;
}

/** One database and what it held when it was opened. */
class Pristine {
  private constructor(
    readonly db: Database,
    private readonly tables: TableState[],
    private readonly migratedRows: Map<string, string>,
    private readonly sequences: SequenceState[],
    private readonly shape: string,
    private readonly referencedBy: Map<string, string[]>,
  ) {}

  static async capture(db: Database): Promise<Pristine> {
    const names = (
      await db.query<{ name: string }>(
        'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1',
      )
    ).map((row) => row.name);
    const migratedRows = new Map<string, string>();
    const tables = await tableStates(db, names, migratedRows);
    for (const table of tables) {
      if (table.rows === '0') continue;
      const [row] = await db.query<{ json: string }>(
        `SELECT coalesce(json_agg(t)::text, '') AS json FROM ${quote(table.name)} t`,
      );
      const json = row?.json ?? '';
      migratedRows.set(table.name, json);
      // From now on this table's rows are compared by digest (tableStates), as md5() there computes it.
      table.rows = createHash('md5').update(json).digest('hex');
    }
    const links = await db.query<{ referenced: string; referencing: string }>(
      `SELECT referenced.relname AS referenced, referencing.relname AS referencing
         FROM pg_constraint
         JOIN pg_class referenced ON referenced.oid = confrelid
         JOIN pg_class referencing ON referencing.oid = conrelid
        WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
    );
    const referencedBy = new Map<string, string[]>();
    for (const { referenced, referencing } of links) {
      referencedBy.set(referenced, [...(referencedBy.get(referenced) ?? []), referencing]);
    }
    return new Pristine(db, tables, migratedRows, await sequenceStates(db), await shapeOf(db), referencedBy);
  }

  /** Puts the database back as it was opened; false when that is not possible. */
  async reset(): Promise<boolean> {
    try {
      if ((await shapeOf(this.db)) !== this.shape) return false;
      const now = await this.currentTables();
      const changed = new Set(
        now.filter((table, i) => !sameTable(table, this.tables[i])).map((table) => table.name),
      );
      let restored = changed.size > 0;
      if (changed.size > 0) await this.restoreTables(this.withReferencing(changed));
      for (const [i, sequence] of (await sequenceStates(this.db)).entries()) {
        const was = this.sequences[i];
        if (sequence.name !== was?.name) return false;
        if (sequence.last_value === was.last_value) continue;
        restored = true;
        await this.db.query('SELECT setval($1::regclass, $2::bigint, $3::boolean)', [
          quote(sequence.name),
          was.last_value ?? was.start_value,
          was.last_value !== null,
        ]);
      }
      if (!restored) return true;
      const after = await this.currentTables();
      return after.every((table, i) => sameTable(table, this.tables[i]));
    } catch {
      return false;
    }
  }

  /** TRUNCATE also empties the tables that reference these, so they are restored too. */
  private withReferencing(tables: Set<string>): string[] {
    const all = new Set(tables);
    for (const name of all) for (const referencing of this.referencedBy.get(name) ?? []) all.add(referencing);
    return [...all];
  }

  private async restoreTables(names: string[]) {
    const list = names.map(quote).join(', ');
    await this.db.transaction(async (session) => {
      // Work a test left running on another connection could hold a table: give up on this database
      // rather than wait for it.
      await session.exec("SET LOCAL lock_timeout = '2s'");
      await session.exec(`TRUNCATE ${list}`);
      for (const name of names) {
        const json = this.migratedRows.get(name);
        if (json === undefined) continue;
        await session.query(
          `INSERT INTO ${quote(name)} SELECT * FROM json_populate_recordset(NULL::${quote(name)}, $1::json)`,
          [json],
        );
      }
      await session.query('DELETE FROM pg_statistic WHERE starelid = ANY($1::regclass[])', [
        names.map(quote),
      ]);
      // As the migrations left them: analyzed, an empty table estimating 0 rows, not "never analyzed".
      await session.exec(`ANALYZE ${list}`);
    });
  }

  private currentTables(): Promise<TableState[]> {
    return tableStates(
      this.db,
      this.tables.map((table) => table.name),
      this.migratedRows,
    );
  }
}

/** Each table's rows (a count, or a digest where the migrations left rows) and planner statistics. */
async function tableStates(
  db: Database,
  names: string[],
  migratedRows: Map<string, string>,
): Promise<TableState[]> {
  const [rows] = await db.query<Record<string, string>>(
    `SELECT ${names
      .map((name, i) =>
        migratedRows.has(name)
          ? `(SELECT md5(coalesce(json_agg(t)::text, '')) FROM ${quote(name)} t) AS t${i}`
          : `(SELECT count(*)::text FROM ${quote(name)}) AS t${i}`,
      )
      .join(', ')}`,
  );
  const planner = await db.query<{ name: string; reltuples: number; statistics: number }>(
    `SELECT c.relname AS name, c.reltuples::float8 AS reltuples,
            (SELECT count(*)::int FROM pg_statistic s WHERE s.starelid = c.oid) AS statistics
       FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'`,
  );
  const byName = new Map(planner.map((row) => [row.name, row]));
  return names.map((name, i) => ({
    name,
    rows: String(rows?.[`t${i}`]),
    reltuples: byName.get(name)?.reltuples ?? Number.NaN,
    statistics: byName.get(name)?.statistics ?? -1,
  }));
}

function sameTable(a: TableState, b: TableState | undefined): boolean {
  return (
    b !== undefined &&
    a.name === b.name &&
    a.rows === b.rows &&
    a.reltuples === b.reltuples &&
    a.statistics === b.statistics
  );
}

async function sequenceStates(db: Database): Promise<SequenceState[]> {
  return db.query<SequenceState>(
    `SELECT sequencename AS name, last_value::text AS last_value, start_value::text AS start_value
       FROM pg_sequences
      WHERE schemaname = current_schema() ORDER BY 1`,
  );
}

/** Columns, indexes, constraints, triggers, functions, extensions and session settings, as one digest. */
async function shapeOf(db: Database): Promise<string> {
  const [row] = await db.query<{ shape: string }>(
    `SELECT md5(array_to_string(ARRAY[
       (SELECT string_agg(c.relname || ':' || c.relkind::text || ':' || a.attname || ':' || format_type(a.atttypid, a.atttypmod)
                          || ':' || a.attnotnull || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), ''), ',' ORDER BY c.relname, a.attnum)
          FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
         WHERE c.relnamespace = current_schema()::regnamespace),
       (SELECT string_agg(pg_get_indexdef(indexrelid), ',' ORDER BY indexrelid::regclass::text) FROM pg_index i
          JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = current_schema()::regnamespace),
       (SELECT string_agg(conname || pg_get_constraintdef(oid), ',' ORDER BY conname) FROM pg_constraint
         WHERE connamespace = current_schema()::regnamespace),
       (SELECT string_agg(tgname || ':' || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger WHERE NOT tgisinternal),
       (SELECT string_agg(proname || md5(prosrc), ',' ORDER BY proname) FROM pg_proc
         WHERE pronamespace = current_schema()::regnamespace),
       (SELECT string_agg(extname || extversion, ',' ORDER BY extname) FROM pg_extension),
       (SELECT string_agg(name || '=' || setting, ',' ORDER BY name) FROM pg_settings
         WHERE source = 'session' AND name NOT LIKE 'transaction\\_%'),
       (SELECT count(*)::text FROM pg_class WHERE relpersistence = 't')], '|', '')) AS shape`,
  );
  return row?.shape ?? '';
}
