import { migration001 } from './001-claims';
import { migration002 } from './002-decisions';
import { migration003 } from './003-audit-log';
import { migration004 } from './004-quarantine';
import { migration005 } from './005-review';
import { migration006 } from './006-claim-support';
import { migration007 } from './007-rosters';
import { migration008 } from './008-meetings';
import { migration009 } from './009-decision-files';
import { migration010 } from './010-recommendations';
import { migration011 } from './011-claim-agreement';
import { migration012 } from './012-minutes';
import { migration013 } from './013-signed-acts';
import { migration014 } from './014-council-amendments';
import { migration015 } from './015-quarantine-ends';
import { migration016 } from './016-evidence-arrivals';
import { migration017 } from './017-claim-versions';
import { migration018 } from './018-appeals';
import { migration019 } from './019-samples';
import { migration020 } from './020-grid-indexes';
import { migration021 } from './021-stats-index';
import type { Migration } from './types';

export type { Migration } from './types';

/** In order. Never edit a migration that has shipped: add the next number instead. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
