export * from './node.ts';
export * from './district.ts';
export * from './unit.ts';
export * from './equipment.ts';
export * from './safety-manager.ts';
export * from './audit.ts';
export * from './settings.ts';
