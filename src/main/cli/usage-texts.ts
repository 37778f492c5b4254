import { THRESHOLD_RULE_KINDS } from '../../shared/domain/committee/rules';
import { VOTE_VALUES } from '../../shared/domain/committee/votes';

/*
 * Every command's usage text, in one module that loads nothing else: \`review-desk --help\` and
 * \`--version\` print without loading a command, and each command's code is loaded only when it
 * runs (index.ts), so no command pays for the others at start-up (issue 17).
 */

export const ACTING_USAGE = `Acting as a person: every command that records an act with authority (decide, meeting,
minutes draft/approve, assign, recommendations, export-decisions) takes
  --as <key file> [--passphrase-file <f>]   (the passphrase file right after --as)
the roster member's own key, unlocked for this one command (the passphrase from the file's
first line, or asked for at the terminal; never an argument). Loading a batch or a roster
needs no key; without --as a write is recorded as the unidentified operator.`;

export const WORKSPACE_USAGE = `The workspace is encrypted. Its passphrase is read from
  --passphrase-file <f>                  (first line; keygen, roster build, export-decisions and
                                          recommendations keep that option for their signing key)
  or the file named by REVIEW_DESK_PASSPHRASE_FILE (for scripts),
  or the passphrase file given after --as (a person's own passphrase),
  or asked for at the terminal. A command on a --db that does not exist yet makes a new
  encrypted workspace with that passphrase and prints its recovery code, once.`;

export const QUARANTINE_USAGE = `  quarantine --batch <id> --out <file.csv> [--db <path>]
      the open rows, to fix in a spreadsheet and import back: import <file> --into-batch <id>
  quarantine list --batch <id> [--json] [--db <path>]
  quarantine discard --batch <id> --entry <보류번호> --reason <text> --as <name> [--db <path>]`;

export const ATTACH_USAGE = `  attach --claim <id> --evidence <dir|zip> [--allow-missing-evidence] [--db <path>] [--json]
  attach <file> --evidence <dir|zip> [--allow-missing-evidence] [--db <path>] [--json]
      evidence that came later for existing claims (보완 증빙): the claim's own folder in --evidence
      (or all of it), or for each 접수번호 in <file> the files its 증빙 column names; a claim
      that stood at an evidence request goes back to the review queue marked as new evidence.
      exit 3 when a named file is not in --evidence: the rest is attached and kept all the same`;

export const CORRECT_USAGE = `  correct --claim <id> --set <field>=<value> [--set …] --reason <text> --as <name> [--db <path>] [--json]
      a new version of the claim (never an edit in place): fields by batch header or key
      (피해금액=800,000원, claimant_type=소상공인); the tier is classified again; earlier
      versions stay, so a decision file signed over one still checks out`;

export const APPEAL_USAGE = `  appeal file --claim <id> --grounds <text> [--received <YYYY-MM-DD>] [--evidence <dir|zip>] --as <name> [--db <path>] [--json]
      a claimant's appeal (이의신청) on any claim, bracket or decided; new evidence is attached to
      the claim as a supplementary arrival; one appeal at a time waits for a ruling
  appeal admit --appeal <id> --reason <text> --as <name> [--db <path>]
      to council review: the claim becomes committee_review (a new version), enters the queue
      and can go on a meeting's agenda; the council's amount is paid less any bracket paid
  appeal reject --appeal <id> --reason <text> --as <name> [--db <path>]
  appeal list [--claim <id>] [--db <path>] [--json]`;

export const SAMPLE_USAGE = `  sample draw [--confidence 0.95] [--margin 0.03] [--seed <text>] [--batch <id>] --as <name> [--db <path>] [--json]
      post-payment sample of the 30,000/50,000 KRW bracket claims, per tier; sizes from the
      confidence (0.90, 0.95, 0.99) and margin; the same seed over the same claims draws the same sample
  sample status [--sample <id>] [--db <path>] [--json]
      per tier: checked, not confirmed, error rate with its Wilson interval, projected overpayment
  sample list --sample <id> [--out <file.csv>] [--db <path>] [--json]
  sample check --sample <id> --claim <id> (--confirmed | --not-confirmed --reason-code <code> [--reason-code …]) [--note <text>] --as <name> [--db <path>]`;

export const DECIDE_USAGE = [
  '  decide --claim <id> --outcome <approve|partial|reject|request_evidence|defer> [--amount <KRW>] [--reason <code> ...] [--note <text>] [--amend-reason <text>] [--db <path>] [--json]',
  '  decide --from <decisions.csv> [--db <path>] [--json]   (접수번호, 결정, 금액, 사유, 메모, 변경사유; all rows or none)',
].join('\n');

/**
 * verify's own usage. The general usage embeds it as is (indented notes under the command
 * line, no blank line), so `verify --help` reads the same whichever part of the CLI prints it.
 */
export const VERIFY_USAGE = [
  '  verify <decision file> [--roster <file>] [--trusted-roster <file>] [--roster-chain <file>]... [--previous <file>]... [--evidence <dir|zip>] [--json]',
  '         checks a signed decision file (서명된 결정 파일): every signature and record, and the roster, evidence and chain link given',
  "         --roster <file>          the council's roster (위원 명부) the file was signed under: judges who signed",
  '         --trusted-roster <file>  the roster you trust (from the secretary, fingerprint compared): --roster must be it or chain to it; alone, it judges the signers',
  '         --roster-chain <file>    a roster between the trusted one and --roster (repeat for each)',
  "         --previous <file>        the previous decision file: checks that this file's link to it holds; a later file of the chain says whether this one was superseded (repeat for each)",
  "         --evidence <dir|zip>     the evidence files: each one's SHA-256 is checked against the file",
  '         --db <path>              a workspace holding the claims: says which were corrected after signing (신청 정정), by whom and why',
  '         --json                   the report as one JSON object instead of text',
  '         without --roster or --trusted-roster: 명부 없이 서명자 자격은 판단할 수 없음 / who signed cannot be judged (anyone can make a key): integrity checked only',
  "         exit 0 valid: intact, signed by the roster's chair and secretary, every check passed",
  '         exit 1 invalid: a check failed, with or without a roster',
  '         exit 2 unreadable: an input cannot be read or is not a signed decision file, or the command line is wrong',
  '         exit 3 intact, signers not judged: no roster was given and every integrity check passed',
].join('\n');

export const SIGNING_USAGE = [
  '  keygen --name <name> --role <member|chair|secretary|auditor> --out <dir> [--passphrase-file <f>]',
  '  roster build --keys <public key files...> --version <n> --valid-from <YYYY-MM-DD> --sign-with <key file> [--passphrase-file <f>] [--previous <roster file>] [--council <name>] --out <file>',
  '  roster import <file> [--db <path>]',
  VERIFY_USAGE,
].join('\n');

export const EXPORT_DECISIONS_USAGE =
  '  export-decisions --meeting <id> --sign-with <key file> [--sign-with <key file> ...] [--passphrase-file <f> ...] --out <file> [--council <name>] [--db <path>]\n' +
  '      (chair and secretary sign; one --passphrase-file per key, same order, or typed at a prompt)\n' +
  '  export-decisions --resave --meeting <id> [--file <id>] --out <file> [--db <path>]\n' +
  "      (writes a recorded file again, byte for byte: the meeting's latest, or file <id>)";

export const PEOPLE_USAGE = `  people [--db <path>] [--json]   (the roster's members, and who --as makes you)
  assign --claim <id> [--claim <id> ...] (--to <name> | --unassign) --as <secretary key> [--db <path>]`;

export const MEETING_USAGE = `  meeting open --number <n> --date <YYYY-MM-DD> --place <text> [--quorum majority|<count>] [--threshold ${THRESHOLD_RULE_KINDS.join('|')}] [--absent <name> ...] --as <secretary key>
      (every voting member on the roster attends unless named --absent)
  meeting agenda --meeting <id> --claim <id> [--propose <outcome> [--amount <KRW>] [--reason <code> ...]] --as <secretary key>
  meeting vote --meeting <id> --claim <id> --vote <name>=<${VOTE_VALUES.join('|')}> [--vote ...] --as <secretary key>
  meeting close-vote --meeting <id> --claim <id> --as <secretary key>
  meeting confirm --meeting <id> --claim <id> --outcome <outcome> [--amount <KRW>] [--reason <code> ...] [--note <text>] --as <chair key>
  meeting close --meeting <id> --as <secretary key>
  meeting list | meeting show --meeting <id>   [--db <path>] [--json]`;

export const AMEND_USAGE = `  amend propose --claim <id> --outcome <outcome> [--amount <KRW>] [--reason-code <code> ...] [--note <text>] --reason <why> --as <secretary key>
      (changes the council's decision only once the chair co-signs it)
  amend cosign --id <amendment id> --as <chair key>
  amend list [--claim <id>]   [--db <path>] [--json]`;

export const LEDGER_USAGE =
  '  ledger --format xlsx|csv [--encoding utf8|cp949] [--batch <id>] --out <file> [--db <path>]\n' +
  '      (payout ledger; CSV is UTF-8 with BOM unless --encoding cp949; never overwrites --out)';

export const MINUTES_USAGE = [
  '  minutes --meeting <id> --format pdf|docx --out <file> [--version <n>] [--db <path>]',
  '      (default: the latest approved version, else the latest draft; never overwrites <file>)',
  '  minutes draft --meeting <id> [--db <path>]   (the secretary drafts the next version from the records)',
  '  minutes approve --meeting <id> --version <n> [--db <path>]   (the chair; an approved version is locked)',
  '  minutes list --meeting <id> [--db <path>] [--json]',
].join('\n');

export const RECOMMENDATIONS_USAGE =
  '  recommendations export --batch <id> --as <your key file> [--passphrase-file <f>] --out <file> [--db <path>]\n' +
  '      (your own recommendations on the batch in this workspace, signed with your key;\n' +
  '       --sign-with <key file> [--passphrase-file <f>] also works and acts as that key)\n' +
  '  recommendations import <files...> [--db <path>] [--json]   (exit 1 if any file is refused)';

export const BACKUP_USAGE = `  backup --out <file.rdbackup> [--db <path>] [--json]   (one encrypted file: database, evidence, manifest; taken while the app runs)
  restore <file.rdbackup> --to <dir> [--recovery-code-file <f>] [--json]
     (into a folder holding no workspace; the file is checked whole before anything is written;
      opened with the recovery code from the file's first line, else the workspace passphrase,
      else the recovery code asked for at the terminal)`;

export const DEMO_USAGE =
  '  demo --out <dir>   (a worked example: roster, members’ recommendations, meeting no. 1 with its approved minutes, signed decision file; <dir> must be new or empty)';

export const USAGE = `review-desk <command>

  import <file> [--evidence <dir|zip>] [--allow-missing-evidence] [--mapping <file>] [--sheet <name>] [--into-batch <id>] [--db <path>] [--json] [--progress]
         exit 3 when a file the 증빙 column names is not in --evidence: the batch is imported and kept all the same; --allow-missing-evidence exits 0
  stats [--batch <id>] [--db <path>] [--json]
${QUARANTINE_USAGE}
${ATTACH_USAGE}
${CORRECT_USAGE}
${APPEAL_USAGE}
${SAMPLE_USAGE}
${DECIDE_USAGE}
${SIGNING_USAGE}
${EXPORT_DECISIONS_USAGE}
${PEOPLE_USAGE}
${MEETING_USAGE}
${AMEND_USAGE}
${LEDGER_USAGE}
${MINUTES_USAGE}
${RECOMMENDATIONS_USAGE}
${BACKUP_USAGE}
${DEMO_USAGE}

--db is the workspace database file (default: the desktop app's own workspace).

${WORKSPACE_USAGE}

${ACTING_USAGE}`;

/**
 * One command's part of USAGE: its lines (those starting with its name) and the indented notes
 * under them, then the acting options it shares with every command.
 */
export function usageOf(command: string): string | null {
  const lines: string[] = [];
  let taking = false;
  for (const line of USAGE.split('\n')) {
    if (/^ {2}\S/.test(line))
      taking = line.trimStart().startsWith(`${command} `) || line.trim() === command;
    else if (!/^ {3,}\S/.test(line)) taking = false;
    if (taking) lines.push(line);
  }
  return lines.length === 0
    ? null
    : `review-desk ${command}\n\n${lines.join('\n')}\n\n${ACTING_USAGE}`;
}
