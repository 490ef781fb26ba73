export * from './auth';
export * from './catalog';
export * from './kb';
export * from './mail';
export * from './paycore';
export * from './platform';
export * from './staff';
export * from './tickets';
