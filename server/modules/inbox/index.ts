// The inbox module's public entry: nothing yet (no other module calls incoming mail); its
// manifest (inbox.module.ts) brings its routes, jobs and listener.
export {};
