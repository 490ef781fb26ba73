export * from './auth';
export * from './catalog';
export * from './kb';
export * from './mail';
export * from './platform';
export * from './tickets';
