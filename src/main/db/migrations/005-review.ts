import { createHash } from 'node:crypto';
import type { Migration } from './types';

/**
 * The first support policy, frozen here as it shipped: later versions are new rows made by a
 * secretary, never edits of this one. Factors are basis points (10,000 = 1.0). The figures are
 * working values for the council to confirm; each row says so in its source.
 */
const POLICY_V1 = {
  margin: [
    {
      key: '음식점업',
      factorBp: 1200,
      source: '초기 작업값 (위원회 확정 전): 음식점업 영업이익률',
    },
    { key: '소매업', factorBp: 900, source: '초기 작업값 (위원회 확정 전): 소매업 영업이익률' },
    {
      key: '서비스업',
      factorBp: 1500,
      source: '초기 작업값 (위원회 확정 전): 개인서비스업 영업이익률',
    },
    { key: '숙박업', factorBp: 1400, source: '초기 작업값 (위원회 확정 전): 숙박업 영업이익률' },
    { key: '운수업', factorBp: 1000, source: '초기 작업값 (위원회 확정 전): 운수업 영업이익률' },
    {
      key: '제조업',
      factorBp: 1100,
      source: '초기 작업값 (위원회 확정 전): 소규모 제조업 영업이익률',
    },
    { key: '도매업', factorBp: 700, source: '초기 작업값 (위원회 확정 전): 도매업 영업이익률' },
    {
      key: '교육서비스업',
      factorBp: 1600,
      source: '초기 작업값 (위원회 확정 전): 교육서비스업 영업이익률',
    },
    {
      key: '정보통신업',
      factorBp: 1300,
      source: '초기 작업값 (위원회 확정 전): 정보통신업 영업이익률',
    },
    {
      key: '여가서비스업',
      factorBp: 1200,
      source: '초기 작업값 (위원회 확정 전): 여가서비스업 영업이익률',
    },
    { key: '*', factorBp: 1000, source: '초기 작업값: 업종이 표에 없을 때' },
  ],
  alternative: [
    { key: '카카오톡', factorBp: 10000, source: '대체 수단 거의 없음 (메신저 전환 불가)' },
    { key: '톡채널', factorBp: 9000, source: '대체 수단 제한적 (전화 주문 일부 가능)' },
    { key: '선물하기', factorBp: 8000, source: '대체 판매 채널 일부 존재' },
    { key: '카카오메이커스', factorBp: 8000, source: '대체 판매 채널 일부 존재' },
    { key: '카카오맵', factorBp: 5000, source: '대체 지도 서비스 다수' },
    { key: '다음메일', factorBp: 5000, source: '대체 메일 서비스 다수' },
    { key: '*', factorBp: 7000, source: '서비스가 표에 없을 때' },
  ],
  kakaoShare: [
    { key: '카카오톡', factorBp: 9500, source: '초기 작업값: 국내 메신저 점유율' },
    { key: '톡채널', factorBp: 9000, source: '초기 작업값: 비즈니스 메시지 점유율' },
    { key: '선물하기', factorBp: 8000, source: '초기 작업값: 모바일 선물 시장 점유율' },
    { key: '카카오메이커스', factorBp: 3000, source: '초기 작업값: 주문 생산 커머스 점유율' },
    { key: '카카오맵', factorBp: 2000, source: '초기 작업값: 지도 서비스 점유율' },
    { key: '다음메일', factorBp: 2000, source: '초기 작업값: 메일 서비스 점유율' },
    { key: '*', factorBp: 5000, source: '서비스가 표에 없을 때' },
  ],
  rounding: { mode: 'floor', unit: 1000 },
  minimumAmount: 50000,
  maximumAmount: null,
};

const policyV1Json = JSON.stringify(POLICY_V1);
const policyV1Hash = createHash('sha256').update(policyV1Json).digest('hex');
const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * What review needs: versioned support policies (append-only), the decision's link to the
 * policy and recommendation it used, flags computed on import (derived, recomputed freely),
 * the people of the council at this workspace, the claims assigned to them, and settings.
 */
export const migration005: Migration = {
  version: 5,
  name: 'review',
  sql: `
    CREATE TABLE support_policies (
      version     INTEGER PRIMARY KEY CHECK (version > 0),
      based_on    INTEGER REFERENCES support_policies(version),
      created_at  TEXT NOT NULL,
      created_by  TEXT NOT NULL,
      note        TEXT NOT NULL,
      body        TEXT NOT NULL,
      body_hash   TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER support_policies_no_update BEFORE UPDATE ON support_policies
      BEGIN SELECT RAISE(ABORT, 'support policies are append-only: make a new version'); END;
    CREATE TRIGGER support_policies_no_delete BEFORE DELETE ON support_policies
      BEGIN SELECT RAISE(ABORT, 'support policies are append-only: make a new version'); END;
    INSERT INTO support_policies (version, based_on, created_at, created_by, note, body, body_hash)
      VALUES (1, NULL, '2022-12-01T00:00:00', 'system', ${sqlText('초기 정책 (위원회 확정 전 작업값)')},
              ${sqlText(policyV1Json)}, ${sqlText(policyV1Hash)});

    ALTER TABLE decisions ADD COLUMN policy_version INTEGER REFERENCES support_policies(version);
    ALTER TABLE decisions ADD COLUMN verified_loss INTEGER CHECK (verified_loss IS NULL OR verified_loss >= 0);
    ALTER TABLE decisions ADD COLUMN recommended_amount INTEGER CHECK (recommended_amount IS NULL OR recommended_amount >= 0);
    ALTER TABLE decisions ADD COLUMN override_reason TEXT;

    CREATE TABLE claim_flags (
      claim_id  TEXT NOT NULL REFERENCES claims(claim_id),
      flag      TEXT NOT NULL CHECK (flag IN ('shared_business_reg_no','shared_evidence','similar_description','loss_outlier')),
      detail    TEXT NOT NULL DEFAULT '{}',
      PRIMARY KEY (claim_id, flag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX claim_flags_by_flag ON claim_flags(flag);

    CREATE TABLE people (
      name      TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
      role      TEXT NOT NULL CHECK (role IN ('member','chair','secretary','auditor')),
      added_at  TEXT NOT NULL,
      added_by  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE claim_assignments (
      claim_id     TEXT PRIMARY KEY REFERENCES claims(claim_id),
      assignee     TEXT NOT NULL REFERENCES people(name),
      assigned_at  TEXT NOT NULL,
      assigned_by  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX claim_assignments_by_assignee ON claim_assignments(assignee);

    CREATE TABLE workspace_settings (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL
    ) STRICT;
  `,
};
