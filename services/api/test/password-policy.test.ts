import t from 'tap';
import { build } from './helpers/build.js';
import { PASSWORD, signUp, uniqueEmail } from './helpers/identity.js';

/*
 * NIST SP 800-63B: besides the minimum length, passwords that are common, expected or built from
 * the account's own context are refused, and the problem says why at the password's path.
 */
const signup = (app: Awaited<ReturnType<typeof build>>['app'], email: string, password: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/signup',
    payload: {
      organisation: { name: 'Northwind Traders', side: 'sales' },
      user: { email, name: 'Nancy Davolio', password },
    },
  });

t.test('when a password is common or guessable, then sign-up refuses it and says why', async (t) => {
  const { app } = await build(t);
  const email = uniqueEmail('weak');
  for (const password of [
    'password1234',
    '123456789012',
    'qwertyuiop123',
    'aaaaaaaaaaaa',
    'abcdefghijkl',
    'iloveyou1234',
    email,
    email.toUpperCase(),
    'northwind traders',
  ]) {
    const res = await signup(app, email, password);
    t.equal(res.statusCode, 400, `${password}: ${res.body.slice(0, 120)}`);
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const [issue, ...more] = res.json().errors;
    t.equal(issue.path, '/body/user/password');
    t.match(issue.message, /\w+ \w+ \w+/, `a reason: ${issue.message}`);
    t.same(more, []);
    t.notMatch(res.body, password, 'the password itself is not echoed');
  }
  const own = await signup(app, email, email);
  t.match(own.json().errors[0].message, /email address or a name/);
  t.equal((await signup(app, email, PASSWORD)).statusCode, 201, 'a few uncommon words pass');
});

t.test('when an admin adds a member with a weak password, then 400 at the password', async (t) => {
  const { app } = await build(t);
  const admin = await signUp(app, 'sales');
  const res = await app.inject({
    method: 'POST',
    url: '/v1/organisation/members',
    headers: admin.auth,
    payload: { email: uniqueEmail('member'), name: 'Weak', role: 'member', password: 'password1234' },
  });
  t.equal(res.statusCode, 400);
  t.equal(res.json().errors[0].path, '/body/password');
});
