/**
 * A roster altered after signing, as someone might try to slip a change past the secretary:
 * one member's role rewritten inside the signed payload, the signature left as it was.
 */
export function changeRosterRole(rosterText: string, name: string, role: string): string {
  const jws = JSON.parse(rosterText) as { payload: string };
  const payload = JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as {
    members: { name: string; role: string }[];
  };
  const member = payload.members.find((m) => m.name === name);
  if (!member) throw new Error(`${name} is not on the roster`);
  member.role = role;
  const altered = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${JSON.stringify({ ...jws, payload: altered }, null, 2)}\n`;
}
