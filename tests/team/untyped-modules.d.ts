// The test server's packages ship no types; the launcher uses them as plain values.
declare module 'express';
declare module 'express-pouchdb';
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-mapreduce';
declare module 'pouchdb-replication';
