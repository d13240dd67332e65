/** @module @jixiao/documents — read the tables people already have; write the official 自评表 and 自评报告. */
export * from './import/index.js';
export * from './export/index.js';
