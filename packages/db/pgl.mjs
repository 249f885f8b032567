import { PGlite } from '@electric-sql/pglite';

let t = performance.now();
const a = new PGlite();
await a.waitReady;
console.log('new mem', performance.now() - t);
await a.exec("create table x(id int primary key, v text); insert into x values (1,'a')");
t = performance.now();
const dump = await a.dumpDataDir('none');
console.log('dump', performance.now() - t, dump.size);
t = performance.now();
const b = new PGlite({ loadDataDir: dump });
await b.waitReady;
console.log('load', performance.now() - t);
console.log((await b.query('select * from x')).rows, (await b.query('select version()')).rows);
t = performance.now();
const c = new PGlite({ loadDataDir: dump });
await c.waitReady;
console.log('load2', performance.now() - t);
