/** A data migration applied to a database, recorded so a rerun does nothing. */
export interface MigrationRecord {
  /** The migration's name. */
  _id: string
  appliedAt: string
  /** Documents it changed. */
  changed: number
}
