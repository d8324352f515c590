/**
 * The two change-log triggers every synced table carries, as its migration creates
 * them: a row this node owns (origin_node = the node's id) is logged in sync_changes
 * on insert and on update, so incremental bundles can be cut from the log; rows from
 * other nodes are not logged (they travel back only in a full bundle). DELETE then
 * INSERT rather than INSERT OR REPLACE, so an outer INSERT OR IGNORE cannot change the
 * trigger's conflict policy, and the row moves to the end of the log.
 *
 * A migration that adds a synced table pastes the output of this function after a
 * `--> statement-breakpoint`; change-log-triggers.test.ts holds every table in the
 * synced-table list to it.
 */
export function changeLogTriggers(table: string): { insert: string; update: string } {
  if (!/^[a-z][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  const trigger = (event: 'insert' | 'update') =>
    [
      `CREATE TRIGGER \`${table}_sync_${event}\` AFTER ${event.toUpperCase()} ON \`${table}\``,
      'WHEN NEW.origin_node = (SELECT id FROM node_identity LIMIT 1)',
      'BEGIN',
      `\tDELETE FROM sync_changes WHERE table_name = '${table}' AND row_id = NEW.id;`,
      `\tINSERT INTO sync_changes (table_name, row_id) VALUES ('${table}', NEW.id);`,
      'END;',
    ].join('\n');
  return { insert: trigger('insert'), update: trigger('update') };
}

/** Both triggers joined as a migration holds them, ready to paste. */
export function changeLogTriggersSql(table: string): string {
  const { insert, update } = changeLogTriggers(table);
  return `${insert}--> statement-breakpoint\n${update}`;
}
