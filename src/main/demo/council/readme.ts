import type { ImportReport } from '../../../shared/ipc/intake-schemas';
import { DATABASE_FILE_NAME } from '../../services/open-workspace';
import { openAppCommand, verifyCommand } from './commands';
import type { DemoDecisionFile } from './decision-file';
import type { DemoKey } from './keys';
import type { DemoMinutes } from './minutes';
import { DEMO_PATHS, memberWorkspacePath } from './layout';
import { storyText, type StoryFacts } from './readme-story';
import { MEETING } from './script';

export interface ReadmeFacts extends StoryFacts {
  outDir: string;
  batch: ImportReport;
  keys: DemoKey[];
  minutes: DemoMinutes;
  decisionFile: DemoDecisionFile;
}

export interface ListedFile {
  /** Relative to the demo folder; a folder ends with "/". */
  path: string;
  ko: string;
  en: string;
}

/** Every file and folder the README describes, in the order it lists them. */
export function listedFiles(facts: ReadmeFacts): ListedFile[] {
  const { batch } = facts;
  const review = batch.tiers.committee_review ?? 0;
  const files: ListedFile[] = [
    { path: DEMO_PATHS.readme, ko: '이 안내문', en: 'this guide' },
    {
      path: DEMO_PATHS.roster,
      ko: `위원 명부 v1: ${facts.keys.length}명의 공개키, 간사가 서명`,
      en: `committee roster v1: the ${facts.keys.length} public keys, signed by the secretary`,
    },
    {
      path: DEMO_PATHS.batchFile,
      ko: `접수 배치: 가상 ${batch.rows}행 중 ${batch.imported}건 반영, ${batch.quarantined}행 보류, 위원회 심사 ${review}건 (한국어 헤더, UTF-8 BOM)`,
      en: `the claim batch: ${batch.rows} synthetic rows, ${batch.imported} imported, ${batch.quarantined} quarantined, ${review} for committee review (Korean headers, UTF-8 with BOM)`,
    },
    {
      path: `${DEMO_PATHS.evidence}/`,
      ko: '배치와 함께 받은 증빙 폴더; 결정문 검증에 씀',
      en: 'the evidence folder that came with the batch; used to verify the decision file',
    },
  ];
  for (const key of facts.keys)
    files.push({
      path: key.publicKeyFile,
      ko: `${key.person.name} (${key.person.role}) 공개키`,
      en: `${key.person.name}'s (${key.person.role}) public key`,
    });
  files.push(
    {
      path: DEMO_PATHS.secretsWarning,
      ko: '데모 비밀 경고',
      en: 'the demo-secrets warning',
    },
    {
      path: DEMO_PATHS.workspacePassphrase,
      ko: '데모 비밀: 모든 데모 작업 공간의 암호 (앱의 잠금 해제 화면, 또는 REVIEW_DESK_PASSPHRASE_FILE)',
      en: "DEMO SECRET: every demo workspace's passphrase (the app's unlock screen, or REVIEW_DESK_PASSPHRASE_FILE)",
    },
  );
  for (const key of facts.keys)
    files.push(
      {
        path: key.keyFile,
        ko: `데모 비밀: ${key.person.name}의 개인키 (암호로 잠김)`,
        en: `DEMO SECRET: ${key.person.name}'s private key (passphrase-sealed)`,
      },
      {
        path: key.passphraseFile,
        ko: `데모 비밀: 그 암호 (--passphrase-file 로 씀)`,
        en: `DEMO SECRET: its passphrase (for --passphrase-file)`,
      },
    );
  for (const rec of facts.recommendationFiles)
    files.push(
      {
        path: `${memberWorkspacePath(rec.member)}/${DATABASE_FILE_NAME}`,
        ko: `${rec.member} 위원의 노트북 작업공간 (배치, 명부, 본인 의견 ${rec.count}건)`,
        en: `${rec.member}'s own laptop workspace (batch, roster, their ${rec.count} views)`,
      },
      {
        path: rec.file,
        ko: `${rec.member} 위원이 서명한 의견 파일`,
        en: `${rec.member}'s signed recommendation file`,
      },
    );
  files.push(
    {
      path: DEMO_PATHS.secretaryDatabase,
      ko: '간사 작업공간: 배치, 명부, 의견 파일, 제1차 회의, 결정, 감사 기록 (증빙은 그 옆 evidence/)',
      en: "the secretary's workspace: batch, roster, recommendations, meeting no. 1, decisions, audit log (evidence beside it)",
    },
    {
      path: facts.minutes.pdf,
      ko: `제1차 회의 회의록 제${facts.minutes.version.version}판 (위원장 승인, 인쇄용 PDF)`,
      en: `meeting no. 1 minutes, version ${facts.minutes.version.version} as approved by the chair (PDF for printing)`,
    },
    {
      path: facts.minutes.docx,
      ko: '같은 회의록의 Word 문서 (DOCX)',
      en: 'the same minutes as a Word document (DOCX)',
    },
    {
      path: facts.decisionFile.file,
      ko: '제1차 회의 결정문: 위원장과 간사가 서명, 승인된 회의록의 해시 포함',
      en: 'meeting no. 1 decision file, signed by the chair and the secretary; names the approved minutes’ hash',
    },
  );
  return files;
}

const table = (files: ListedFile[], lang: 'ko' | 'en') =>
  [
    lang === 'ko' ? '| 파일 | 내용 |' : '| file | what it is |',
    '| --- | --- |',
    ...files.map((f) => `| \`${f.path}\` | ${f[lang]} |`),
  ].join('\n');

export function readmeText(facts: ReadmeFacts): string {
  const files = listedFiles(facts);
  const verify = verifyCommand(facts.outDir);
  const app = openAppCommand(facts.outDir);
  const memberWorkspace = memberWorkspacePath(facts.recommendationFiles[0]!.member);
  const memberApp = openAppCommand(facts.outDir, memberWorkspace);
  const hash = facts.decisionFile.sha256;
  return `# Review Desk 데모: 1015 피해지원 협의체 제${MEETING.number}차 회의

\`review-desk demo\` 가 앱과 같은 서비스로 만든 예시입니다. 사람, 업체, 금액은 모두 가상입니다.
시각은 2022년 11~12월의 이야기 시각이고, 키만 실행할 때마다 새로 만들어집니다.

## 이야기

${storyText(facts, 'ko')}

## 파일

${table(files, 'ko')}

**\`${DEMO_PATHS.secrets}/\` 는 데모 전용입니다.** 개인키와 암호가 함께 공개되어 있으니 실제 업무에 쓰지 마십시오.
데모 키는 빠르게 만들려고 키 파일이 받는 가장 낮은 scrypt 비용(N=2^14)을 씁니다.

## 확인하기

Review Desk 폴더에서 실행합니다 (종료 코드 0 = 유효):

\`\`\`sh
${verify}
\`\`\`

결정문 SHA-256: \`${hash}\`

## 앱에서 열기

Review Desk 폴더에서 간사 작업공간을 엽니다. 위원 작업공간은 경로만 바꾸면 됩니다
(예: \`${memberWorkspace}\`).

\`\`\`sh
${app.env}
# 또는
${app.switch}
\`\`\`

---

# Review Desk demo: the 1015 Damage Support Council's meeting no. ${MEETING.number}

A worked example made by \`review-desk demo\` through the app's own services. People,
businesses and amounts are all synthetic. Times are story time (November and December 2022);
only the keys are new on every run.

## The story

${storyText(facts, 'en')}

## Files

${table(files, 'en')}

**\`${DEMO_PATHS.secrets}/\` is for the demo only**: private keys and their passphrases are
published together, so never use them for real work. Demo keys use the lowest scrypt cost a key
file accepts (N=2^14) so the demo is quick.

## Check it

From the Review Desk folder (exit code 0 = valid):

\`\`\`sh
${verify}
\`\`\`

Decision file SHA-256: \`${hash}\`

## Open it in the app

From the Review Desk folder, the secretary's workspace; a member's opens the same way:

\`\`\`sh
${app.env}
# or
${app.switch}
# a member's workspace:
${memberApp.env}
\`\`\`
`;
}
