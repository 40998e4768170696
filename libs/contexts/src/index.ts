export * from './context-modules';
