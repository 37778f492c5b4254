import type { AuditorReport } from '../../../shared/ipc/auditor-schemas';
import { ROLE_LABELS_KO } from '../../../shared/domain/signing/verification-report';

const CHAIN_TEXT: Record<AuditorReport['chain']['state'], string> = {
  first: '첫 파일 (이전 파일 없음) / First file (no previous file)',
  linked: '이전 파일과 연결됨 / Linked to the previous file given',
  broken: '연결 끊어짐 / Broken',
  unchecked: '확인 안 함 (이전 파일이 주어지지 않음) / Not checked (no previous file given)',
};

const TRUST_TEXT: Record<NonNullable<AuditorReport['rosterTrust']>, string> = {
  pinned: '신뢰하는 명부 / the trusted (pinned) roster',
  chains: '신뢰하는 명부로 이어짐 / chains to the trusted (pinned) roster',
  untrusted:
    '신뢰하는 명부가 아니며 이어지지 않음 / NOT the trusted roster and does not chain to it',
  unchecked: '신뢰하는 명부와 대조하지 않음 / not checked against a trusted roster',
};

function yesNo(value: boolean, yes: string, no: string): string {
  return value ? yes : no;
}

/** The report as a readable text file, Korean first and English after each line. */
const VERDICT_TEXT = {
  valid: '유효 / VALID',
  invalid: '무효 / INVALID',
  intact_unjudged:
    '판단 보류 / NOT JUDGED (변경 없음, 명부 없이 서명자 미판단 / intact, no roster to judge the signers)',
} as const;

export function reportAsText(report: AuditorReport): string {
  const lines: string[] = [
    '결정 파일 검증 보고서 / Decision file verification report',
    '='.repeat(60),
    `판정 / Verdict: ${VERDICT_TEXT[report.verdict]}`,
    `파일 / File: ${report.fileName}`,
    `파일 SHA-256 / File SHA-256: ${report.fileSha256}`,
    `서명 내용 SHA-256 / Payload SHA-256: ${report.payloadSha256 ?? '-'}`,
    `명부 / Roster: ${
      report.rosterFingerprint === null
        ? '없음 / none'
        : `${report.rosterFingerprint} (${
            report.rosterSource === 'file' ? '파일 / file' : '작업 공간 / workspace'
          })`
    }`,
    `명부 신뢰 / Roster trust: ${
      report.rosterTrust === null ? '-' : TRUST_TEXT[report.rosterTrust]
    }${report.trustedRosterFingerprint ? ` (${report.trustedRosterFingerprint})` : ''}`,
    `검증 시각 / Checked at: ${report.checkedAt}`,
    '',
    `서명 / Signatures (${report.signatures.length})`,
  ];
  for (const s of report.signatures) {
    const role = s.role ? `${ROLE_LABELS_KO[s.role] ?? s.role} / ${s.role}` : '-';
    lines.push(
      `  - ${s.signer ?? '알 수 없음 / unknown'} (${role}) ${s.fingerprint ?? s.keyId ?? '-'}: ` +
        `${yesNo(s.onRoster, '명부에 있음 / on roster', '명부에 없음 / not on roster')}, ` +
        `${yesNo(s.valid, '유효 / valid', '무효 / invalid')}`,
    );
  }
  lines.push(
    '',
    `결정 / Decisions: ${report.records.valid}/${report.records.total} 유효 / valid`,
    `  무효 / Invalid: ${report.records.invalid.length ? report.records.invalid.join(', ') : '없음 / none'}`,
    `증빙 / Evidence: ${
      report.evidenceGiven
        ? `${report.evidence.checked} 확인 / checked, ${report.evidence.mismatched} 불일치 / mismatched`
        : '주어지지 않음 / not given'
    }`,
    `연결 / Chain: ${CHAIN_TEXT[report.chain.state]}`,
    `  이전 파일 / Previous file: ${report.chain.previousFileSha256 ?? '없음 / none'}`,
    '',
    `문제 / Problems (${report.problems.length})`,
  );
  if (report.problems.length === 0) lines.push('  없음 / none');
  report.problems.forEach((p, i) => {
    const where = [p.claimId, p.file].filter(Boolean).join(', ');
    lines.push(
      `  ${i + 1}. [${p.code}]${where ? ` ${where}` : ''}`,
      `     ${p.ko}`,
      `     ${p.message}`,
    );
  });
  for (const w of report.warnings) lines.push(`  ! ${w.ko}`, `    ${w.message}`);
  return `${lines.join('\n')}\n`;
}
