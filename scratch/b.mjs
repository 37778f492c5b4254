import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { rmSync, readFileSync } from 'node:fs';
const key = randomBytes(32).toString('hex');
const f = `/tmp/sp/src.db`; for (const s of ['','-wal','-shm']) rmSync(f+s,{force:true});
const db = new Database(f); db.pragma(`key = "x'${key}'"`); db.pragma('journal_mode = WAL');
db.exec("create table t(a); insert into t values('CANARYVALUE')");
rmSync('/tmp/sp/bk.db',{force:true});
try { await db.backup('/tmp/sp/bk.db'); } catch(e) { console.log('backup err', e.message); }
try{console.log('backup() canary plain:', readFileSync('/tmp/sp/bk.db').includes('CANARYVALUE'));}catch{}
rmSync('/tmp/sp/vi.db',{force:true});
try{db.exec("VACUUM INTO '/tmp/sp/vi.db'");}catch(e){console.log('vacuum err',e.message)}
try{console.log('vacuum into canary plain:', readFileSync('/tmp/sp/vi.db').includes('CANARYVALUE'));}catch{}
try { const v=new Database('/tmp/sp/vi.db'); v.pragma(`key = "x'${key}'"`); console.log('vi with key', v.prepare('select * from t').all()); } catch(e){console.log('vi key err', e.message)}
const buf = db.serialize();
console.log('serialize canary plain:', buf.includes('CANARYVALUE'), buf.length);
rmSync('/tmp/sp/att.db',{force:true});
try { db.exec(`ATTACH DATABASE '/tmp/sp/att.db' AS bk KEY "x'${key}'"`); console.log('attach KEY ok'); } catch(e) { console.log('attach key err', e.message); }
try { db.exec(`SELECT sqlcipher_export('bk')`); console.log('sqlcipher_export ok'); db.exec('DETACH bk'); console.log('att plain:', readFileSync('/tmp/sp/att.db').includes('CANARYVALUE')); const a=new Database('/tmp/sp/att.db'); a.pragma(`key = "x'${key}'"`); console.log(a.prepare('select * from t').all()); } catch(e) { console.log('export err', e.message); }
// backup to URI?
rmSync('/tmp/sp/uri.db',{force:true});
try { await db.backup(`file:/tmp/sp/uri.db?cipher=chacha20&hexkey=${key}`); console.log('uri backup written; plain:', readFileSync('/tmp/sp/uri.db').includes('CANARYVALUE')); } catch(e) { console.log('uri err', e.message); }
// rekey a plain db in WAL
const p='/tmp/sp/plain.db'; for (const s of ['','-wal','-shm']) rmSync(p+s,{force:true});
const pd=new Database(p); pd.pragma('journal_mode = WAL'); pd.exec("create table t(a); insert into t values('CANARYVALUE')");
try { pd.pragma(`rekey = "x'${key}'"`); console.log('rekey in WAL ok'); } catch(e){ console.log('rekey WAL err', e.message); }
pd.pragma('journal_mode = DELETE');
try { pd.pragma(`rekey = "x'${key}'"`); console.log('rekey in DELETE ok'); } catch(e){ console.log('rekey DELETE err', e.message); }
pd.close(); console.log('plain after rekey:', readFileSync(p).includes('CANARYVALUE'));
const pd2=new Database(p); pd2.pragma(`key = "x'${key}'"`); console.log(pd2.prepare('select * from t').all(), pd2.pragma('cipher',{simple:true}));
