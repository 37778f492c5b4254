import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { rmSync, readFileSync, readdirSync } from 'node:fs';
const key = randomBytes(32).toString('hex');
for (const form of ["x'", 'hexkey']) {
  const f = `/tmp/sp/t-${form.length}.db`; rmSync(f,{force:true}); rmSync(f+'-wal',{force:true});
  let t=performance.now();
  const db = new Database(f);
  if (form==="x'") db.pragma(`key = "x'${key}'"`); else db.pragma(`hexkey = '${key}'`);
  db.pragma('journal_mode = WAL');
  db.exec("create table t(a); insert into t values('CANARYVALUE')");
  db.close();
  t=performance.now();
  for (let i=0;i<5;i++){ const d=new Database(f); if (form==="x'") d.pragma(`key = "x'${key}'"`); else d.pragma(`hexkey = '${key}'`); d.prepare('select * from t').all(); d.close(); }
  console.log(form, 'open+read avg ms', ((performance.now()-t)/5).toFixed(1), 'canary in file', readFileSync(f).includes('CANARYVALUE'));
  const d=new Database(f); try { d.prepare('select * from t').all(); console.log('no key read OK?!'); } catch(e){ console.log('no key:', e.message, e.code); } d.close();
  const d2=new Database(f); d2.pragma(`key = "x'${randomBytes(32).toString('hex')}'"`); try { d2.prepare('select * from t').all(); } catch(e){ console.log('wrong key:', e.message, e.code); } d2.close();
  console.log(new Database(f).pragma('cipher', {simple:true}));
}
