// Runs once, when a database volume is first initialised: the application's own user, which may
// read and write its collections but only insert into (and read) the audit log, so that the
// guarantee "audit records are never changed or removed" does not rest on the code alone.
const name = process.env.APP_DB;
const target = db.getSiblingDB(name);
const collections = process.env.APP_COLLECTIONS.split(',');
const readWrite = ['find', 'insert', 'update', 'remove', 'createIndex', 'dropIndex', 'createCollection', 'listIndexes'];
target.createRole({
  role: 'application',
  privileges: [
    ...collections.map(collection => ({ resource: { db: name, collection }, actions: readWrite })),
    { resource: { db: name, collection: 'audit_log' }, actions: ['find', 'insert', 'createIndex', 'createCollection', 'listIndexes'] },
    { resource: { db: name, collection: '' }, actions: ['listCollections', 'dbStats'] }
  ],
  roles: []
});
target.createUser({ user: process.env.APP_USER, pwd: process.env.APP_PASSWORD, roles: ['application'] });
