#!/usr/bin/env bash
# The council's story end to end through the CLI alone, as five people with five keys: the
# secretary, the chair and three members each make a key, the secretary signs the roster, the
# batch comes in, members recommend on their own workspaces, and meetings 1 and 2 decide, with
# votes, a recusal, the chair's confirmations and the chair's approval of the minutes; between
# them the secretary and the chair amend a council decision by proposal and co-signature. Each
# meeting's decision file is signed by the chair and the secretary and verified as an auditor
# would, the second against the first with --previous. Refusals that must happen are checked
# too (nobody acting, the wrong role). Run by tests/main/cli/council-story.test.ts; usage:
#   bash tests/cli/council-story.sh <empty work folder>
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$1"
mkdir -p "$WORK"
cd "$WORK"
# Every workspace is encrypted; each command reads its passphrase from the file named by
# REVIEW_DESK_PASSPHRASE_FILE, as a script does (the test's own when it gives one).
if [ -z "${REVIEW_DESK_PASSPHRASE_FILE:-}" ]; then
  printf 'story workspace passphrase\n' > "$WORK/workspace.pass"
  export REVIEW_DESK_PASSPHRASE_FILE="$WORK/workspace.pass"
fi
rd() { node "$ROOT/bin/review-desk.mjs" "$@"; }
step() { printf '\n== %s\n' "$*"; }
# A command that must be refused: it must exit 1 and say why (stderr shown in the log).
refused() {
  local expect="$1"; shift
  if rd "$@" 2> refusal.txt; then echo "NOT REFUSED: $*" >&2; exit 1; fi
  cat refusal.txt
  grep -q -- "$expect" refusal.txt || { echo "refusal did not say \"$expect\"" >&2; exit 1; }
}

BATCH="$ROOT/resources/demo/demo-batch.csv"
EVIDENCE="$ROOT/resources/demo/evidence"
SIDE_DISH=K-2022-000122   # 730,000원: everyone agrees
SOUP=K-2022-000032        # 1,110,000원: partial approval
CHICKEN=K-2022-000085     # 890,000원: a recusal, voted down

step "five people make their keys"
mkdir -p keys
people=(secretary:박서연 chair:이도윤 member:김민준 member:최하은 member:정우진)
for entry in "${people[@]}"; do
  role="${entry%%:*}"; name="${entry#*:}"
  printf 'story passphrase for %s\n' "$role-$name" > "keys/$name.pass"
  rd keygen --name "$name" --role "$role" --out keys --passphrase-file "keys/$name.pass" > /dev/null
done
key() { ls keys/"$1"-*.key.json; }
as() { echo --as "$(key "$1")" --passphrase-file "keys/$1.pass"; }
SEC=박서연; CHAIR=이도윤

step "the secretary signs roster v1"
rd roster build --keys keys/*.pub.json --version 1 --valid-from 2022-11-14 \
  --sign-with "$(key $SEC)" --passphrase-file "keys/$SEC.pass" --out roster-v1.json

step "the secretary's workspace: the batch and the roster need no key"
# The demo leaves one named file out on purpose: the import says so and exits 3 without the flag.
rd import "$BATCH" --evidence "$EVIDENCE" --allow-missing-evidence --db sec/review-desk.db > /dev/null
rd roster import roster-v1.json --db sec/review-desk.db
rd people --db sec/review-desk.db
refused "unlock" decide --claim $SIDE_DISH --outcome approve --amount 730000 --db sec/review-desk.db
refused "secretary or chair" assign --claim $SIDE_DISH --to 김민준 --db sec/review-desk.db $(as 김민준)
rd assign --claim $SIDE_DISH --claim $SOUP --claim $CHICKEN --to 김민준 --db sec/review-desk.db $(as $SEC)

step "members recommend on their own laptops"
recommend() { # member claim outcome [amount] [reason]
  local who="$1" claim="$2" outcome="$3" amount="${4:-}" reason="${5:-}"
  rd decide --claim "$claim" --outcome "$outcome" ${amount:+--amount "$amount"} \
    ${reason:+--reason "$reason"} --note "$who 의견" --db "ws-$who/review-desk.db" $(as "$who") > /dev/null
}
for who in 김민준 최하은 정우진; do
  rd import "$BATCH" --db "ws-$who/review-desk.db" > /dev/null
  rd roster import roster-v1.json --db "ws-$who/review-desk.db" > /dev/null
done
recommend 김민준 $SIDE_DISH approve 730000
recommend 김민준 $SOUP partial 800000 insufficient_proof
recommend 김민준 $CHICKEN reject "" not_caused_by_outage
recommend 최하은 $SIDE_DISH approve 730000
recommend 최하은 $SOUP approve 1110000
recommend 정우진 $SIDE_DISH approve 730000
recommend 정우진 $CHICKEN request_evidence
for who in 김민준 최하은 정우진; do
  rd recommendations export --batch 1 --out "recs-$who.json" --db "ws-$who/review-desk.db" $(as "$who")
done
rd recommendations import recs-*.json --db sec/review-desk.db $(as $SEC)

step "meeting 1: opened by the secretary, votes with a recusal, the chair confirms"
rd meeting open --number 1 --date 2022-12-20 --place "판교 협의체 회의실" --db sec/review-desk.db $(as $SEC)
rd meeting agenda --meeting 1 --claim $SIDE_DISH --propose approve --amount 730,000원 --db sec/review-desk.db $(as $SEC) > /dev/null
rd meeting agenda --meeting 1 --claim $CHICKEN --propose reject --reason not_caused_by_outage --db sec/review-desk.db $(as $SEC) > /dev/null
rd meeting vote --meeting 1 --claim $SIDE_DISH --vote 이도윤=for --vote 김민준=for --vote 최하은=for --vote 정우진=for \
  --db sec/review-desk.db $(as $SEC) > /dev/null
rd meeting vote --meeting 1 --claim $CHICKEN --vote 이도윤=against --vote 김민준=for --vote 최하은=recused --vote 정우진=against \
  --db sec/review-desk.db $(as $SEC) > /dev/null
rd meeting close-vote --meeting 1 --claim $SIDE_DISH --db sec/review-desk.db $(as $SEC) > /dev/null
rd meeting close-vote --meeting 1 --claim $CHICKEN --db sec/review-desk.db $(as $SEC)
refused "chair" meeting confirm --meeting 1 --claim $SIDE_DISH --outcome approve --amount 730000 --db sec/review-desk.db $(as $SEC)
rd meeting confirm --meeting 1 --claim $SIDE_DISH --outcome approve --amount 730000 --note "원안 의결" --db sec/review-desk.db $(as $CHAIR) > /dev/null
rd meeting confirm --meeting 1 --claim $CHICKEN --outcome defer --note "부결, 다음 회의" --db sec/review-desk.db $(as $CHAIR) > /dev/null
rd meeting close --meeting 1 --db sec/review-desk.db $(as $SEC)

step "minutes 1: drafted by the secretary, approved by the chair"
rd minutes draft --meeting 1 --db sec/review-desk.db $(as $SEC)
refused "chair" minutes approve --meeting 1 --version 1 --db sec/review-desk.db $(as $SEC)
rd minutes approve --meeting 1 --version 1 --db sec/review-desk.db $(as $CHAIR)

step "decision file 1, signed by the chair and the secretary"
rd export-decisions --meeting 1 --sign-with "$(key $CHAIR)" --passphrase-file "keys/$CHAIR.pass" \
  --sign-with "$(key $SEC)" --passphrase-file "keys/$SEC.pass" --out decisions-1.json \
  --db sec/review-desk.db $(as $SEC)

step "the side dish's receipts were counted twice: the secretary proposes 700,000원, the chair co-signs"
refused "unlock" amend propose --claim $SIDE_DISH --outcome approve --amount 700000 --reason "영수증 중복 합산 정정" \
  --db sec/review-desk.db
refused "reason" amend propose --claim $SIDE_DISH --outcome approve --amount 700000 --db sec/review-desk.db $(as $SEC)
rd amend propose --claim $SIDE_DISH --outcome approve --amount 700000 --reason "영수증 중복 합산 정정" \
  --db sec/review-desk.db $(as $SEC)
rd ledger --format csv --out ledger-before-cosign.csv --db sec/review-desk.db
refused "chair" amend cosign --id 1 --db sec/review-desk.db $(as $SEC)
rd amend cosign --id 1 --db sec/review-desk.db $(as $CHAIR)

step "meeting 2: the soup restaurant, partial approval carried 3:1"
rd meeting open --number 2 --date 2022-12-27 --place "판교 협의체 회의실" --db sec/review-desk.db $(as $SEC) > /dev/null
rd meeting agenda --meeting 2 --claim $SOUP --propose partial --amount 800000 --reason insufficient_proof --db sec/review-desk.db $(as $SEC) > /dev/null
rd meeting vote --meeting 2 --claim $SOUP --vote 이도윤=for --vote 김민준=for --vote 최하은=against --vote 정우진=for \
  --db sec/review-desk.db $(as $SEC) > /dev/null
rd meeting close-vote --meeting 2 --claim $SOUP --db sec/review-desk.db $(as $SEC) > /dev/null
rd meeting confirm --meeting 2 --claim $SOUP --outcome partial --amount 800000 --reason insufficient_proof \
  --note "3:1 가결" --db sec/review-desk.db $(as $CHAIR) > /dev/null
rd meeting close --meeting 2 --db sec/review-desk.db $(as $SEC)
rd minutes draft --meeting 2 --db sec/review-desk.db $(as $SEC) > /dev/null
rd minutes --meeting 2 --format pdf --version 1 --out minutes-2.pdf --db sec/review-desk.db
rd minutes approve --meeting 2 --version 1 --db sec/review-desk.db $(as $CHAIR) > /dev/null
rd export-decisions --meeting 2 --sign-with "$(key $CHAIR)" --passphrase-file "keys/$CHAIR.pass" \
  --sign-with "$(key $SEC)" --passphrase-file "keys/$SEC.pass" --out decisions-2.json \
  --db sec/review-desk.db $(as $SEC)

step "the auditor verifies, the second file against the first"
rd verify decisions-1.json --roster roster-v1.json
rd verify decisions-2.json --roster roster-v1.json --previous decisions-1.json

step "the payout ledger"
rd ledger --format csv --out ledger.csv --db sec/review-desk.db
echo "story complete"
