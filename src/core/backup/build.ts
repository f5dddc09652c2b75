/**
 * Writing a backup: the checksum over the canonical JSON of the data, and the file itself as a
 * list of text pieces, one record per line with its fields in the order Vigie keeps them (the
 * id first, for a person reading it), so that a large log goes into a Blob without ever being
 * one huge string, and reads back exactly as it was.
 */
import { sha256Hex } from '../model/hash';
import { canonicalJson } from './canonical';
import {
  BACKUP_FORMAT,
  countsOf,
  FORMAT_VERSION,
  type BackupData,
  type BackupHeader,
} from './format';

/** The checksum field of a backup of `data`: "sha256:" and the hex digest. */
export async function dataChecksum(data: unknown): Promise<string> {
  return `sha256:${await sha256Hex(canonicalJson(data))}`;
}

export interface BuiltBackup {
  header: BackupHeader;
  /** The file's text, in pieces to hand to a Blob (or to join). */
  pieces: string[];
}

/** A backup of `data`, made by Vigie `appVersion` on database schema `schemaVersion`. */
export async function buildBackup(
  meta: { appVersion: string; schemaVersion: number; exportedAt: string },
  data: BackupData,
): Promise<BuiltBackup> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: FORMAT_VERSION,
    appVersion: meta.appVersion,
    schemaVersion: meta.schemaVersion,
    exportedAt: meta.exportedAt,
    counts: countsOf(data),
    checksum: await dataChecksum(data),
  };
  const pieces = ['{\n'];
  for (const [key, value] of Object.entries(header)) {
    pieces.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  }
  pieces.push('  "data": {\n');
  for (const store of ['mentions', 'crises', 'events'] as const) {
    const records = data[store];
    pieces.push(`    ${JSON.stringify(store)}: [`);
    records.forEach((record, i) =>
      pieces.push(i === 0 ? '\n' : ',\n', '      ', JSON.stringify(record)),
    );
    pieces.push(records.length ? '\n    ],\n' : '],\n');
  }
  pieces.push(`    "settings": ${JSON.stringify(data.settings)}\n  }\n}\n`);
  return { header, pieces };
}

/** The whole file as one text (tests, small logs). */
export function backupText(built: BuiltBackup): string {
  return built.pieces.join('');
}
