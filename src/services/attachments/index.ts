/** The attachments module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './delete-attachment';
export * from './download-attachment';
export * from './errors';
export * from './file-name';
export * from './list-attachments';
export * from './owner-registry';
export * from './upload-attachment';
